import { describe, expect, it } from 'vitest';
import { createStaffShell } from './staff-shell';

const newsroom = createStaffShell({
  loginPath: '/newsroom/login',
  homePath: '/newsroom/articles',
  within: '/newsroom',
  forbiddenPath: '/newsroom/forbidden',
});
const links = createStaffShell({
  loginPath: '/login',
  homePath: '/links',
  within: '/links',
  forbiddenPath: '/links',
});

describe('staff shell paths', () => {
  it('sends to the login page with next= for any page it can come back to', () => {
    expect(newsroom.loginUrl('/newsroom/articles?status=draft')).toBe(
      '/newsroom/login?next=%2Fnewsroom%2Farticles%3Fstatus%3Ddraft',
    );
    expect(links.loginUrl('/links')).toBe('/login?next=%2Flinks');
  });

  it('drops next= when there is nothing, or nothing safe, to come back to', () => {
    expect(newsroom.loginUrl(undefined)).toBe('/newsroom/login');
    expect(newsroom.loginUrl('//evil.example')).toBe('/newsroom/login');
    expect(newsroom.loginUrl('/newsroom/login?next=/newsroom')).toBe('/newsroom/login');
    expect(links.loginUrl('/\t/evil.example')).toBe('/login');
  });

  it('returns after login to a safe path of the app only', () => {
    expect(newsroom.returnPath('/newsroom/..//evil.example')).toBe('/newsroom/articles');
    expect(links.returnPath('/%09/evil.example')).toBe('/links');
    expect(links.returnPath('/links/abc')).toBe('/links/abc');
  });
});
