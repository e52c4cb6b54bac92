'use client';
import type { ValidationError } from '@newsroom/article';
import type { RelatedEntry } from '@newsroom/editorial';
import type { DraftMeta } from './draft';
import { LeadImagePanel } from './LeadImagePanel';
import { MetadataFields } from './MetadataFields';
import { RelatedLinksPanel } from './RelatedLinksPanel';
import type { Section } from './section';

interface Props {
  articleId: string;
  meta: DraftMeta;
  sections: Section[];
  errors: ValidationError[];
  onChange: (patch: Partial<DraftMeta>) => void;
  onSlugEdited: () => void;
  /** What the related-links panel tells about entries left out on opening (null: nothing). */
  relatedNotice: string | null;
  onDismissRelatedNotice: () => void;
  /** The title to show for a related entry (by default its own). */
  relatedTitleOf?: (entry: RelatedEntry) => string;
}

/** The side panel's details, lead image and related links: one set for both edit pages. */
export function ArticleDetailPanels({
  articleId,
  meta,
  sections,
  errors,
  onChange,
  onSlugEdited,
  relatedNotice,
  onDismissRelatedNotice,
  relatedTitleOf,
}: Props) {
  return (
    <>
      <section className="panel" aria-label="Details">
        <MetadataFields
          meta={meta}
          sections={sections}
          errors={errors}
          onChange={onChange}
          onSlugEdited={onSlugEdited}
        />
      </section>
      <LeadImagePanel
        leadImage={meta.leadImage ?? null}
        onChange={(leadImage) => onChange({ leadImage })}
      />
      <RelatedLinksPanel
        articleId={articleId}
        related={meta.related}
        onChange={(related) => onChange({ related })}
        notice={relatedNotice}
        onDismissNotice={onDismissRelatedNotice}
        titleOf={relatedTitleOf}
      />
    </>
  );
}
