import type { ReactNode } from 'react';
import { hasRole } from '@newsroom/auth';
import {
  ACCOUNT_PAGE_PATH,
  SECTIONS_PAGE_PATH,
  USERS_PAGE_PATH,
} from '../../../src/newsroom/newsroom-paths';
import { logOut } from '../../../src/newsroom/staff/login-actions';
import { staff } from '../../../src/newsroom/staff/staff-shell';
import '../newsroom.css';

export const dynamic = 'force-dynamic';

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await staff.requireStaff();
  return (
    <div className="newsroom">
      {/* The nav comes first on every page: keyboard users jump past it (as on the reader pages). */}
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <nav className="newsroom-nav" aria-label="Newsroom">
        <a href="/newsroom/articles">Articles</a>
        <a href="/newsroom/articles/new">New article</a>
        {hasRole(user, 'admin') && (
          <>
            <a href={USERS_PAGE_PATH}>Users</a>
            <a href={SECTIONS_PAGE_PATH}>Sections</a>
          </>
        )}
        <span className="newsroom-user">
          {user.name} ({user.role})
        </span>
        <a href={ACCOUNT_PAGE_PATH}>Account</a>
        <form action={logOut}>
          <button type="submit">Log out</button>
        </form>
      </nav>
      <main id="content">{children}</main>
    </div>
  );
}
