import { describe, expect, it } from 'vitest';
import {
  confirmDatabaseDown,
  isDatabaseMarkedDown,
  registerDatabaseProbe,
  unavailableAnswer,
} from './availability-gate';

const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('confirmDatabaseDown', () => {
  it('asks the probe once and closes the gate until the database answers again', async () => {
    let reachable = false;
    let probes = 0;
    registerDatabaseProbe(async () => {
      probes += 1;
      if (!reachable) throw refused();
    });
    expect(await confirmDatabaseDown()).toBe(true);
    expect(probes).toBe(1);
    expect(isDatabaseMarkedDown()).toBe(true);
    expect(unavailableAnswer('/links')?.status).toBe(503);
    expect(await confirmDatabaseDown()).toBe(true); // marked: no second probe needed
    expect(probes).toBe(1);

    reachable = true;
    await expect.poll(isDatabaseMarkedDown, { timeout: 10_000 }).toBe(false);
    expect(unavailableAnswer('/links')).toBeNull();
    expect(await confirmDatabaseDown()).toBe(false);
  });

  it('asks the probe once for a burst of questions', async () => {
    let probes = 0;
    registerDatabaseProbe(async () => {
      probes += 1;
    });
    const answers = await Promise.all(Array.from({ length: 20 }, () => confirmDatabaseDown()));
    expect(answers.every((down) => down === false)).toBe(true);
    expect(probes).toBe(1);
  });

  it('does not blame the database for a probe failing for another reason', async () => {
    registerDatabaseProbe(async () => {
      throw new TypeError('a bug');
    });
    expect(await confirmDatabaseDown()).toBe(false);
    expect(isDatabaseMarkedDown()).toBe(false);
  });
});
