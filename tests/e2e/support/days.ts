/** A local calendar day, `days` from today, as the page computes it (YYYY-MM-DD). */
export function localDay(days = 0) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Around …" with the day and month name of `day`, in whichever order the locale writes them. */
export function around(day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat('en-US', { month: 'long' }).format(new Date(y, m - 1, d));
  return new RegExp(`Around .*(${month} ${d}(?!\\d)|(?<!\\d)${d} ${month})`);
}
