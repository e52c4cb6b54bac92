/**
 * Key press in one browser → the text on another browser's screen. Both pages stamp wall-clock
 * time (`performance.timeOrigin + performance.now()`, sub-millisecond and shared by the pages of
 * one machine): the sender at keydown (capturing listener), the receiver at the first animation
 * frame after its document changed.
 */
const now = () => performance.timeOrigin + performance.now();

export interface RemoteLatency {
  /** When the last key went down in this page. */
  lastKeyAt(): number;
  /** Armed now; resolves at the frame that shows the next change of `root`'s content. */
  nextChangeOnScreen(): Promise<number>;
}

export function startRemoteLatency(root: HTMLElement): RemoteLatency {
  let keyAt = 0;
  window.addEventListener('keydown', () => (keyAt = now()), { capture: true });
  return {
    lastKeyAt: () => keyAt,
    nextChangeOnScreen: () =>
      new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(now()));
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      }),
  };
}
