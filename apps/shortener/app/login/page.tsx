import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getStaffUser, safeReturnPath } from '../../src/staff/session';
import { LoginForm } from './LoginForm';

export const metadata: Metadata = { title: 'Log in' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ next?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const next = safeReturnPath((await searchParams).next);
  if (await getStaffUser()) redirect(next);
  return (
    <>
      <h1>Staff login</h1>
      <p>Log in with your Newsroom account to manage short links.</p>
      <LoginForm next={next} />
    </>
  );
}
