'use client';
import { useFocusOnError } from '@newsroom/app-shell/browser';
import { ROLES } from '@newsroom/auth/browser';
import type { StaffUserView as StaffUser } from '@newsroom/editorial';
import { useRef, useState, type FormEvent } from 'react';
import { PasswordField } from '../account/PasswordField';
import { fieldsOfFailure, sendJson } from '../api/send-json';
import { USERS_API_PATH, userApiPath } from '../newsroom-paths';

async function send(method: string, url: string, body?: unknown) {
  return (await sendJson<{ user: StaffUser }>(method, url, body)).user;
}

/** Admins list staff, add people, change roles and deactivate or reactivate accounts. */
export function UsersAdmin({
  initialUsers,
  currentUserId,
}: {
  initialUsers: StaffUser[];
  currentUserId: string;
}) {
  const [users, setUsers] = useState(initialUsers);
  const [message, setMessage] = useState<string | null>(null);
  // The last refusal of "Add user": a new object each time, so the focus moves on every one.
  const [refusal, setRefusal] = useState<{ message: string; fields: Record<string, string> }>();
  const createForm = useRef<HTMLFormElement>(null);
  useFocusOnError(createForm, refusal, !!refusal);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = Object.fromEntries(new FormData(form));
    try {
      const user = await send('POST', USERS_API_PATH, fields);
      setUsers((current) => [...current, user]);
      setRefusal(undefined);
      setMessage(`Created ${user.email}.`);
      form.reset();
    } catch (error) {
      setMessage(null);
      setRefusal({
        message: `Not created: ${(error as Error).message}`,
        fields: fieldsOfFailure(error),
      });
    }
  }

  async function changeRole(user: StaffUser, role: string) {
    try {
      const updated = await send('PATCH', userApiPath(user.id), { role });
      setUsers((current) => current.map((item) => (item.id === updated.id ? updated : item)));
      setMessage(`${updated.email} is now ${updated.role}.`);
    } catch (error) {
      setMessage(`Role not changed: ${(error as Error).message}`);
    }
  }

  async function setActive(user: StaffUser, active: boolean) {
    const action = active ? 'reactivate' : 'deactivate';
    try {
      const updated = await send('POST', `${userApiPath(user.id)}/${action}`);
      setUsers((current) => current.map((item) => (item.id === updated.id ? updated : item)));
      setMessage(
        active
          ? `${updated.email} can log in again.`
          : `${updated.email} is deactivated and logged out everywhere.`,
      );
    } catch (error) {
      setMessage(`Not ${action}d: ${(error as Error).message}`);
    }
  }

  return (
    <>
      {message && <p role="status">{message}</p>}
      <table className="article-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Account</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.name}
                {user.id === currentUserId && ' (you)'}
              </td>
              <td>{user.email}</td>
              <td>
                <select
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  onChange={(event) => changeRole(user, event.target.value)}
                >
                  {ROLES.map((role) => (
                    <option key={role}>{role}</option>
                  ))}
                </select>
              </td>
              <td>
                <AccountCell
                  user={user}
                  isCurrentUser={user.id === currentUserId}
                  onSetActive={(active) => setActive(user, active)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a member of staff</h2>
      <form ref={createForm} onSubmit={create} className="stacked-form">
        {/* A refusal about the password shows under it; any other (a taken email) here. */}
        {refusal && !refusal.fields.password && (
          <p id="create-user-error" role="alert" className="form-error">
            {refusal.message}
          </p>
        )}
        <label>
          Name <input name="name" required />
        </label>
        <label>
          Email{' '}
          <input
            name="email"
            type="email"
            required
            aria-invalid={refusal?.fields.email ? true : undefined}
            aria-describedby={refusal?.fields.email ? 'create-user-error' : undefined}
          />
        </label>
        <label>
          Role
          <select name="role" defaultValue="writer">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </label>
        <PasswordField
          name="password"
          label="Password"
          autoComplete="new-password"
          error={refusal?.fields.password}
        />
        <button type="submit">Add user</button>
      </form>
    </>
  );
}

/**
 * Active or deactivated (since when), with the button that changes it. One button element in
 * both states, so that after a press React keeps it and the focus stays on it (now Reactivate
 * or Deactivate) instead of falling to <body> with a replaced one. Nobody deactivates themselves.
 */
function AccountCell({
  user,
  isCurrentUser,
  onSetActive,
}: {
  user: StaffUser;
  isCurrentUser: boolean;
  onSetActive: (active: boolean) => void;
}) {
  const deactivatedOn = user.deactivatedAt?.slice(0, 10);
  const deactivated = deactivatedOn !== undefined;
  const action = deactivated ? 'Reactivate' : 'Deactivate';
  return (
    <>
      {deactivated ? `Deactivated ${deactivatedOn}` : 'Active'}
      {(deactivated || !isCurrentUser) && (
        <>
          {' '}
          <button
            type="button"
            aria-label={`${action} ${user.email}`}
            onClick={() => onSetActive(deactivated)}
          >
            {action}
          </button>
        </>
      )}
    </>
  );
}
