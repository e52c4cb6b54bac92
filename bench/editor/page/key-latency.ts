/**
 * Key → screen latency, measured inside the page (the method in notes/measured-anchors.md):
 * a capturing keydown listener stamps the time; the first DOM change after it requests an
 * animation frame; the frame callback's time is the figure. A message posted from that frame
 * arrives after the frame has been rendered, which gives the "painted" figure as well.
 */
export interface KeySample {
  frameMs: number;
  paintedMs: number;
}

export interface KeyLatencyProbe {
  /** Resolves with the sample of the last key pressed. */
  nextSample(): Promise<KeySample>;
  stop(): void;
}

export function startKeyLatencyProbe(root: HTMLElement): KeyLatencyProbe {
  let keyAt = 0;
  let waitingForChange = false;
  const done: KeySample[] = [];
  let waiter: ((sample: KeySample) => void) | null = null;
  const channel = new MessageChannel();

  const deliver = (sample: KeySample) => {
    if (waiter) {
      waiter(sample);
      waiter = null;
    } else done.push(sample);
  };

  const onKeyDown = () => {
    keyAt = performance.now();
    waitingForChange = true;
  };
  window.addEventListener('keydown', onKeyDown, { capture: true });

  const observer = new MutationObserver(() => {
    if (!waitingForChange) return;
    waitingForChange = false;
    const start = keyAt;
    requestAnimationFrame(() => {
      const frameMs = performance.now() - start;
      channel.port1.onmessage = () => deliver({ frameMs, paintedMs: performance.now() - start });
      channel.port2.postMessage(null);
    });
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });

  return {
    nextSample: () => {
      const ready = done.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => {
        waiter = resolve;
      });
    },
    stop: () => {
      observer.disconnect();
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    },
  };
}
