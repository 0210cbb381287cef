import {
  DEFAULT_DUES_SETTINGS,
  monthlyDues,
  parseYuan,
  percentOf,
  rateFor,
  yuan,
} from '../../cloudfunctions/core/dues/rates';
import { addMonths, duesOfYear, monthsOfQuarter, shareOut } from '../../cloudfunctions/core/dues/months';

const S = DEFAULT_DUES_SETTINGS;

describe('党费 rates in fen, every bracket boundary (inclusive as in the 规定)', () => {
  // [base in fen, expected rate in bp, expected monthly dues in fen]
  it.each([
    [1, 50, 0],
    [299_999, 50, 1500],
    [300_000, 50, 1500], // 3,000.00 → 0.5 %
    [300_001, 100, 3000], // 3,000.01 → 1 %
    [499_999, 100, 5000],
    [500_000, 100, 5000], // 5,000.00 → 1 %
    [500_001, 150, 7500], // 5,000.01 → 1.5 %
    [999_999, 150, 15000],
    [1_000_000, 150, 15000], // 10,000.00 → 1.5 %
    [1_000_001, 200, 20000], // 10,000.01 → 2 %
    [2_500_000, 200, 50000],
  ])('in service: base %i fen → %i bp → %i fen', (base, rate, dues) => {
    expect(rateFor(S.inService, base)).toBe(rate);
    expect(monthlyDues('in_service', base, 0, S)).toBe(dues);
  });

  it.each([
    [300_000, 50, 1500],
    [499_999, 50, 2500],
    [500_000, 50, 2500], // 5,000.00 → 0.5 %
    [500_001, 100, 5000], // 5,000.01 → 1 %
    [800_000, 100, 8000],
  ])('retired: base %i fen → %i bp → %i fen', (base, rate, dues) => {
    expect(rateFor(S.retired, base)).toBe(rate);
    expect(monthlyDues('retired', base, 0, S)).toBe(dues);
  });

  it('students and members without income pay a fixed 20 fen, whatever the base', () => {
    expect(monthlyDues('student', 0, 0, S)).toBe(20);
    expect(monthlyDues('no_income', 900_000, 0, S)).toBe(20);
  });

  it('rounds half up to the fen, in integers', () => {
    expect(percentOf(100, 50)).toBe(1); // 0.5 fen → 1
    expect(percentOf(99, 50)).toBe(0); // 0.495 fen → 0
    expect(percentOf(300_001, 100)).toBe(3000); // 3000.01 fen → 3000
    expect(percentOf(300_050, 100)).toBe(3001); // 3000.50 fen → 3001
    expect(percentOf(300_049, 100)).toBe(3000);
    expect(percentOf(1_000_000_000, 200)).toBe(20_000_000);
    expect(() => percentOf(1.5, 50)).toThrow(RangeError);
  });

  it('deducts social insurance and housing fund only where the bureau says so', () => {
    expect(monthlyDues('in_service', 550_000, 60_000, S)).toBe(8250); // 5,500 × 1.5 %
    const deducting = { ...S, deductInsurance: true };
    expect(monthlyDues('in_service', 550_000, 60_000, deducting)).toBe(4900); // 4,900 × 1 %
    expect(monthlyDues('in_service', 550_000, 250_001, deducting)).toBe(1500); // 2,999.99 × 0.5 % = 15.00
  });

  it('reads yuan from text without floating point, and writes it back', () => {
    expect(parseYuan('3000')).toBe(300_000);
    expect(parseYuan('3000.01')).toBe(300_001);
    expect(parseYuan('3,000.1')).toBe(300_010);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('三千')).toBeNull();
    expect(yuan(300_001)).toBe('3000.01');
    expect(yuan(20)).toBe('0.20');
  });
});

describe('党费 months', () => {
  it('a new base applies from its month; nothing before the start month; reliefs replace the amount', () => {
    const entries = [
      { fromMonth: '2025-01', monthly: 3000 },
      { fromMonth: '2025-07', monthly: 4500 },
    ];
    const dues = duesOfYear(2025, '2025-03', entries, [
      { fromMonth: '2025-09', toMonth: '2025-10', kind: 'exempt', monthly: 0 },
      { fromMonth: '2025-11', toMonth: '2025-11', kind: 'reduce', monthly: 100 },
    ]);
    expect(dues).toEqual([0, 0, 3000, 3000, 3000, 3000, 4500, 4500, 0, 0, 100, 4500]);
  });

  it('shares a payment out over its months, exactly', () => {
    expect(shareOut([100, 100, 100], 300)).toEqual([100, 100, 100]);
    expect(shareOut([100, 100, 100], 350)).toEqual([100, 100, 150]);
    expect(shareOut([100, 100, 100], 150)).toEqual([100, 50, 0]);
  });

  it('counts months and quarters', () => {
    expect(addMonths('2025-11', 12)).toBe('2026-11');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthsOfQuarter('2025-Q4')).toEqual(['2025-10', '2025-11', '2025-12']);
  });
});
