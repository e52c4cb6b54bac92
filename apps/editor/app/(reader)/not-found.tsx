import { NotFoundMessage } from '../../src/reader/NotFoundMessage';

export const metadata = { title: 'Page not found' };

export default function ReaderNotFound() {
  return <NotFoundMessage />;
}
