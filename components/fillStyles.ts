/** The fill-in form's CSS, drawn with the form (components/FillPrompt.tsx) in the panel's shadow root: not in PANEL_CSS, which every seller page loads. */
export const FILL_CSS = `
.kf-fill { padding: 8px 12px; border-bottom: 1px solid #f2f3f5; background: #fffaf5; }
.kf-fill p { margin: 0 0 6px; }
.kf-field { display: flex; gap: 8px; align-items: center; margin: 4px 0; }
.kf-field span { min-width: 64px; color: #4e5969; }
.kf-field input { flex: 1; padding: 4px 8px; border: 1px solid #c9cdd4; border-radius: 4px; font: inherit; }
`;
