import type { ReactNode } from 'react';
import { ReaderShell } from '../../src/reader/ReaderShell';

export default function ReaderLayout({ children }: { children: ReactNode }) {
  return <ReaderShell>{children}</ReaderShell>;
}
