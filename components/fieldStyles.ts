/**
 * The label-and-input rows (`<label class="kf-field"><span>…</span><input>`) of the panel's fill-in
 * form (fillStyles.ts) and the buyer card (customers/styles.ts): one look, kept in one place. Each
 * adds it to its own CSS — neither is in PANEL_CSS, which every seller page loads (and the build
 * minifies, scripts/minify-css.ts).
 */
export const FIELD_CSS = `
.kf-field { display: flex; gap: 8px; align-items: center; margin: 4px 0; }
.kf-field span { min-width: 64px; color: #4e5969; }
.kf-field input, .kf-field select, .kf-field textarea { flex: 1; padding: 4px 8px; border: 1px solid #c9cdd4; border-radius: 4px; font: inherit; }
`;
