// Waiting for the browser to paint: work that is not needed for the next
// frame (the rest of a long list, closing a palette) goes after it, so what
// the user asked for is on screen first.

/** Resolves once the browser has painted the next frame (at once where nothing paints, as in unit tests). */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  // rAF callbacks run before the frame's style, layout and paint; a task
  // queued from one runs after them.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
