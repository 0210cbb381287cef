import { Segmented } from '@/ui';
import { currentYear } from './routes';

/**
 * This year's round or last year's: a year's 述职 is often held early in the next year, and its
 * results stay worth reading after New Year.
 */
export function YearTabs({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const now = currentYear();
  return (
    <Segmented
      value={String(year)}
      segments={[now, now - 1].map((y) => ({ key: String(y), label: `${y} 年度` }))}
      onChange={(key) => onChange(Number(key))}
    />
  );
}
