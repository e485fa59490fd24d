import type { SharedLesson } from '../../../../shared/domain/congregations';

/** Lessons I chose to share with a congregation, as Markdown to pass on (nothing private is in them). */
export function lessonsMarkdown(congregationName: string, lessons: readonly SharedLesson[]): { markdown: string; fileName: string } {
  const lines = [`# Lessons shared with ${congregationName}`, ''];
  if (lessons.length === 0) lines.push('_No lessons shared yet._', '');
  for (const lesson of [...lessons].reverse()) {
    const from = lesson.crewName ? ` (from ${lesson.crewName})` : '';
    lines.push(`## ${lesson.sharedOn}${from}`, '', lesson.text.trim(), '');
  }
  const slug =
    congregationName
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'congregation';
  return { markdown: lines.join('\n'), fileName: `${slug}-lessons.md` };
}
