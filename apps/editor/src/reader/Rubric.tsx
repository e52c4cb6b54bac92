import { sectionPath } from '@newsroom/article';
import type { SectionSummary } from '@newsroom/publishing';

export function Rubric({ section }: { section: SectionSummary }) {
  return (
    <a className="rubric" href={sectionPath(section)}>
      {section.name}
    </a>
  );
}
