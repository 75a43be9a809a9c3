/** One colour per axis, shared by the window view's plots so an axis keeps its colour in each. */
export const AXIS_COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
