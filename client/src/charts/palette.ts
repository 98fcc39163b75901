/**
 * Colours that stay apart for the common kinds of colour blindness: the Okabe–Ito set for the
 * four constructs, and ColorBrewer's RdBu (marked colour-blind safe) for scores in the heatmap.
 * Colour is never the only cue: every line has its name, every cell its number.
 */
export const constructColours = {
  autonomy: '#0072B2',
  competence: '#D55E00',
  relatedness: '#009E73',
  openness: '#CC79A7',
} as const;

export const comparisonColour = '#4d4d4d';
/** eNPS and HR's questions: Okabe–Ito's sky blue and orange, apart from the four constructs' colours. */
export const enpsColour = '#56B4E9';
export const itemColour = '#E69F00';
export const fortressColour = '#7b3294';
export const responseColour = '#0072B2';
export const hiddenColour = '#6b6b6b';

/** Score bins for the heatmap: red below 50 (the scale's middle), blue above. */
export const heatBins: { min: number; colour: string }[] = [
  { min: -Infinity, colour: '#b2182b' },
  { min: 20, colour: '#d6604d' },
  { min: 30, colour: '#f4a582' },
  { min: 40, colour: '#fddbc7' },
  { min: 50, colour: '#d1e5f0' },
  { min: 60, colour: '#92c5de' },
  { min: 70, colour: '#4393c3' },
  { min: 80, colour: '#2166ac' },
];

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with `background` (always at least 4.5:1). */
export function textOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** The heatmap colours of a 0–100 score. */
export function heatColours(score: number): { background: string; color: string } {
  let background = heatBins[0]!.colour;
  for (const bin of heatBins) if (score >= bin.min) background = bin.colour;
  return { background, color: textOn(background) };
}
