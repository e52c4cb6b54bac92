import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { staff } from '../../src/staff/staff-shell';
import { LoginForm } from './LoginForm';

export const metadata: Metadata = { title: 'Log in' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ next?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const next = staff.returnPath((await searchParams).next);
  if (await staff.currentStaff()) redirect(next);
  return (
    <>
      <h1>Staff login</h1>
      <p>Log in with your Newsroom account to manage short links.</p>
      <LoginForm next={next} />
    </>
  );
}
