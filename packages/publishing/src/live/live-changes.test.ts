import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyLiveChange, onLiveChange, type LiveChange } from './live-changes';

const change: LiveChange = {
  articleId: 'a1',
  reason: 'update',
  before: { path: '/world/old', sectionSlug: 'world' },
  after: { path: '/world/new', sectionSlug: 'world' },
  listsMoved: false,
};

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('live changes', () => {
  it('reaches every listener until it stops listening', async () => {
    const heard: LiveChange[] = [];
    const stop = onLiveChange((received) => void heard.push(received));
    await notifyLiveChange(change);
    stop();
    await notifyLiveChange(change);
    expect(heard).toEqual([change]);
  });

  it('keeps telling the others when one listener fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: string[] = [];
    stops.push(onLiveChange(() => Promise.reject(new Error('cache down'))));
    stops.push(onLiveChange((received) => void heard.push(received.articleId)));
    await notifyLiveChange(change);
    expect(heard).toEqual(['a1']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
