import type { SessionUser } from '@newsroom/auth';
import { logoutAction } from './actions';

export function StaffHeader({ user }: { user: SessionUser }) {
  return (
    <header className="staff-header">
      <nav aria-label="Staff">
        <a href="/links">Links</a> · <a href="/links/new">New link</a>
      </nav>
      <form action={logoutAction}>
        <span>{user.name}</span> <button type="submit">Log out</button>
      </form>
    </header>
  );
}
