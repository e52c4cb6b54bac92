import { canEditArticle, canPublish } from '@newsroom/auth';
import { getDb } from '@newsroom/db';
import { findVisibleArticle, listSections } from '@newsroom/editorial';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { staff } from '../../../../../src/newsroom/staff/staff-shell';
import { articlePreviewPath } from '../../../../../src/newsroom/newsroom-paths';
import { ArticleEditor } from '../../../../../src/newsroom/editor/ArticleEditor';
import { reachableCollabUrl } from '../../../../../src/newsroom/collab/collab-url';

export const metadata: Metadata = { title: 'Edit article' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const user = await staff.requireStaff();
  const { id } = await params;
  const db = getDb();
  const [article, sections, collabUrl] = await Promise.all([
    findVisibleArticle(db, user, id),
    listSections(db),
    reachableCollabUrl(process.env.COLLAB_URL),
  ]);
  if (!article) notFound();
  if (!canEditArticle(user, article)) {
    return (
      <section>
        <h1>{article.title}</h1>
        <p role="alert">
          Writers edit only their own drafts, so this article is read-only for you.{' '}
          <a href={articlePreviewPath(article.id)}>See the preview</a>.
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1 className="visually-hidden">Edit article</h1>
      <ArticleEditor
        article={article}
        sections={sections}
        canPublish={canPublish(user)}
        collab={collabUrl ? { url: collabUrl, userId: user.id, userName: user.name } : null}
      />
    </section>
  );
}
