'use client';
import { useEffect, useState } from 'react';
import {
  AutosaveController,
  type AutosaveOptions,
  type AutosaveStatus,
} from './autosave-controller';

/**
 * The React side of autosave: one controller per mounted editor, its status as state, and the
 * browser events it needs (back online → retry now; page hidden → write the backup now).
 */
export function useAutosave<T, C>(
  options: Omit<AutosaveOptions<T, C>, 'onStatus' | 'storage'>,
  restored: { read: () => T } | null,
) {
  const [status, setStatus] = useState<AutosaveStatus<C>>({ state: 'idle' });
  const [controller] = useState(
    () =>
      new AutosaveController<T, C>({
        ...options,
        storage: window.localStorage,
        onStatus: setStatus,
      }),
  );

  useEffect(() => {
    const online = () => controller.online();
    const hidden = () => {
      if (document.visibilityState === 'hidden') controller.backupNow();
    };
    const pagehide = () => controller.backupNow();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', pagehide);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', pagehide);
      document.removeEventListener('visibilitychange', hidden);
      controller.backupNow();
    };
  }, [controller]);

  // A copy restored from the browser is saved straight away (StrictMode runs this twice: the
  // second change is a no-op because the controller compares with what it last sent).
  useEffect(() => {
    if (!restored) return;
    controller.change(restored.read);
    void controller.flush();
  }, [controller, restored]);

  return { status, controller };
}
