/** One colour per axis, shared by every chart, so an axis keeps its colour from recording to review to features. */
export const AXIS_COLORS: readonly string[] = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
];
