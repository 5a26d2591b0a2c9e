import { FIELD_CSS } from './fieldStyles';

/** The fill-in form's CSS, drawn with the form (components/FillPrompt.tsx) in the panel's shadow root: not in PANEL_CSS, which every seller page loads. */
export const FILL_CSS = `
.kf-fill { padding: 8px 12px; border-bottom: 1px solid #f2f3f5; background: #fffaf5; }
.kf-fill p { margin: 0 0 6px; }
${FIELD_CSS}`;
