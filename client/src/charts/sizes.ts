/** A chart panel's height, known to pages without loading the chart code. */
export const PANEL_HEIGHT_PX = 220;
