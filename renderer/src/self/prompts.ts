/** Gentle openings shown in an empty entry; one per draft, never a demand. */
const prompts = [
  'What is here for you today?',
  'Which part of you has been busiest this week, and what might it be protecting?',
  'Pick one part that showed up today. Where do you feel it, and how do you feel toward it?',
  'In a recent friction, what were your own feelings, needs and stories?',
  'If a protective part took a day off, what would it worry might happen?',
  'Which of calm, curiosity, clarity, compassion, confidence, courage, creativity or connectedness felt closest today?',
  'What is one thing you want, and one boundary you would like to name?',
];

export function promptFor(draftKey: number) {
  return prompts[draftKey % prompts.length] ?? prompts[0]!;
}
