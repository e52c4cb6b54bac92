import { getDb } from '@newsroom/db';
import { ApiError, FORBIDDEN_CODE } from '@newsroom/http';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { crossSiteProblem, isSafeMethod } from '../origin/request-origin';
import { safeReturnPath } from '../return-path/safe-return-path';
import { hasRole, type Role } from '../roles';
import { SESSION_COOKIE, findSessionUser, type SessionUser } from '../sessions';
import { REQUEST_PATH_HEADER } from './request-path';

/** Where an app's staff area lives: the only facts that differ between the two apps. */
export type StaffShellConfig = {
  /** The login page. */
  loginPath: string;
  /** Where to go after login when no (acceptable) return path was asked for. */
  homePath: string;
  /** Return paths must stay under this path (the staff area: `/newsroom`, `/links`). */
  within: string;
  /** The page explaining that a role is missing (gets `?role=`). */
  forbiddenPath: string;
};

export type StaffShell = ReturnType<typeof createStaffShell>;

/**
 * The staff session shell both apps use: who is logged in, the page guard, the API guard and
 * the safe return path, with each app's paths. The login and logout actions are in ./login.
 */
export function createStaffShell(config: StaffShellConfig) {
  const rules = { within: config.within, fallback: config.homePath, exclude: [config.loginPath] };

  /** Where to go after logging in: a path of this app, never another site (see safeReturnPath). */
  function returnPath(raw: unknown): string {
    return safeReturnPath(raw, rules);
  }

  /** The login page, with `next=` when the page asked for is one to come back to. */
  function loginUrl(next?: string | null): string {
    const target = next ? safeReturnPath(next, { ...rules, fallback: '' }) : '';
    return target ? `${config.loginPath}?next=${encodeURIComponent(target)}` : config.loginPath;
  }

  /** The logged-in member of staff, or null. */
  async function currentStaff(): Promise<SessionUser | null> {
    const token = (await cookies()).get(SESSION_COOKIE)?.value;
    return findSessionUser(getDb(), token);
  }

  /**
   * For pages and server actions: the logged-in user, or a redirect to the login page (back to
   * this page afterwards, as the proxy recorded it). Without `role`, the forbidden page.
   */
  async function requireStaff(role?: Role, returnTo?: string): Promise<SessionUser> {
    const user = await currentStaff();
    if (!user) redirect(loginUrl(returnTo ?? (await headers()).get(REQUEST_PATH_HEADER)));
    if (!hasRole(user, role)) redirect(`${config.forbiddenPath}?role=${role}`);
    return user;
  }

  /**
   * For route handlers: the user, or an ApiError (401 without a session, 403 for a cross-site
   * mutation or a missing role) that the API wrapper answers in the one error shape.
   */
  async function requireStaffForApi(request: Request, role?: Role): Promise<SessionUser> {
    if (!isSafeMethod(request.method)) {
      const problem = crossSiteProblem(request.headers, request.url);
      if (problem) throw new ApiError(403, 'cross_site_request', problem);
    }
    const user = await currentStaff();
    if (!user) throw new ApiError(401, 'unauthorized', 'Log in to use this API.');
    if (!hasRole(user, role))
      throw new ApiError(
        403,
        FORBIDDEN_CODE,
        `This needs the ${role} role; your role is ${user.role}.`,
      );
    return user;
  }

  return { config, returnPath, loginUrl, currentStaff, requireStaff, requireStaffForApi };
}
