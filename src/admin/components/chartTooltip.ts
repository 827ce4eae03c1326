// Every chart's tooltip is drawn on its canvas: ECharts' HTML tooltip writes its markers and layout as style
// attributes through innerHTML, which the console's CSP (style-src without 'unsafe-inline') refuses.
export const CANVAS_TOOLTIP = { renderMode: 'richText' } as const;
