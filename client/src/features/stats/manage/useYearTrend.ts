import type { Result, TrendPoint } from '@zhibu/types';
import { useEffect, useState } from 'react';
import { currentPeriod, kindOf, yearOf } from '../period';

/**
 * The monthly trend to draw beside a period: the period's own months when it has several (a half
 * or a year), otherwise the months of its year so far, loaded with `loadYear`.
 */
export function useYearTrend(
  period: string,
  own: readonly TrendPoint[] | null,
  loadYear: (year: string) => Promise<Result<{ trend: TrendPoint[] }>>,
): TrendPoint[] | null {
  const wide = kindOf(period) === 'half' || kindOf(period) === 'year';
  const [year, setYear] = useState<TrendPoint[] | null>(null);
  useEffect(() => {
    if (wide) return;
    let live = true;
    void loadYear(String(yearOf(period))).then((result) => {
      if (live && result.ok) setYear(result.data.trend);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one load per period
  }, [period, wide]);
  const points = wide ? own : year;
  // Months still to come have nothing to draw.
  const thisMonth = currentPeriod('month');
  return points ? points.filter((p) => p.month <= thisMonth) : null;
}
