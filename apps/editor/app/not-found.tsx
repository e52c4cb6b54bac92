import { NotFoundMessage } from '../src/reader/NotFoundMessage';
import { ReaderShell } from '../src/reader/ReaderShell';

export const metadata = { title: 'Page not found' };

// Addresses that match no route at all get the reader's 404 too.
export default function NotFound() {
  return (
    <ReaderShell>
      <NotFoundMessage />
    </ReaderShell>
  );
}
