import { PromptsSection } from './PromptsSection';
import { TemplatesSection } from './TemplatesSection';

/** The prompt library for every rung, and the templates an entry can start from. */
export function LibraryView() {
  return (
    <div className="self-view library-view">
      <PromptsSection />
      <TemplatesSection />
    </div>
  );
}
