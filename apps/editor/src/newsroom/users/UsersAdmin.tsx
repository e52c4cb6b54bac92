'use client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '@newsroom/auth/browser';
import { apiErrorMessage } from '@newsroom/http/browser';
import { useState, type FormEvent } from 'react';

type StaffUser = { id: string; email: string; name: string; role: string; createdAt: string };

async function send(method: string, url: string, body: unknown) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { user?: StaffUser };
  if (!response.ok) throw new Error(apiErrorMessage(data, response.status));
  return data.user as StaffUser;
}

/** Admins list staff, add people and change roles (through /api/newsroom/users). */
export function UsersAdmin({
  initialUsers,
  currentUserId,
}: {
  initialUsers: StaffUser[];
  currentUserId: string;
}) {
  const [users, setUsers] = useState(initialUsers);
  const [message, setMessage] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = Object.fromEntries(new FormData(form));
    try {
      const user = await send('POST', '/api/newsroom/users', fields);
      setUsers((current) => [...current, user]);
      setMessage(`Created ${user.email}.`);
      form.reset();
    } catch (error) {
      setMessage(`Not created: ${(error as Error).message}`);
    }
  }

  async function changeRole(user: StaffUser, role: string) {
    try {
      const updated = await send('PATCH', `/api/newsroom/users/${user.id}`, { role });
      setUsers((current) => current.map((item) => (item.id === updated.id ? updated : item)));
      setMessage(`${updated.email} is now ${updated.role}.`);
    } catch (error) {
      setMessage(`Role not changed: ${(error as Error).message}`);
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
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a member of staff</h2>
      <form onSubmit={create} className="stacked-form">
        <label>
          Name <input name="name" required />
        </label>
        <label>
          Email <input name="email" type="email" required />
        </label>
        <label>
          Role
          <select name="role" defaultValue="writer">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </label>
        <label>
          Password{' '}
          <input
            name="password"
            type="password"
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_LENGTH}
            required
            autoComplete="new-password"
          />
        </label>
        <button type="submit">Add user</button>
      </form>
    </>
  );
}
