'use client';
import { fallbackRenditionPath } from '@newsroom/article';
import type { LeadImage } from '@newsroom/editorial';

/** The lead image on the writing canvas, as readers will see it above the body. */
export function LeadImageFigure({ image }: { image: LeadImage }) {
  return (
    <figure className="lead-image edit-lead-image">
      <img
        src={fallbackRenditionPath(image.id, image.width, 800)}
        alt={image.alt}
        width={image.width}
        height={image.height}
      />
      {(image.caption || image.credit) && (
        <figcaption>
          <span className="image-caption">{image.caption}</span>
          <span className="image-credit">{image.credit}</span>
        </figcaption>
      )}
    </figure>
  );
}
