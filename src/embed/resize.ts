// The embedded page tells its parent how tall it is, so the host script
// (public/embed.js) can size the iframe without scroll bars. Only a number
// leaves the frame; nothing is read from the parent.
import { RESIZE_MESSAGE_TYPE, type ResizeMessage } from './route.ts';

/** Posts the element's height to the parent on start and whenever it changes; returns a stop function. */
export function reportHeight(element: HTMLElement, target: Window = window.parent): () => void {
  if (target === window) return () => undefined;
  let last = -1;
  const post = (): void => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: RESIZE_MESSAGE_TYPE, height };
    // The embed does not know (and must not depend on) the host's origin; a height is not a secret.
    target.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(element);
  post();
  return () => observer.disconnect();
}
