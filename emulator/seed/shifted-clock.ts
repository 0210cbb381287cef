/**
 * Runs `work` with the process clock moved to `at`, then puts it back.
 *
 * The showcase writes last year's 民主评议 and 述职评议 through the real function code, whose rules
 * read the time with `new Date()` and `Date.now()` (a rating is accepted only inside its window, a
 * round ends by its date). Moving the clock is the only way to make those records as they would
 * have been made, with every timestamp and counter month in place. It runs before the server
 * listens, so no request of a user ever sees the moved clock. Timers are untouched.
 */
export async function atInstant<T>(at: Date, work: () => Promise<T>): Promise<T> {
  const RealDate = globalThis.Date;
  const offset = at.getTime() - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
    // Dates made before the shift (and by code that kept the real constructor) are still dates.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  try {
    return await work();
  } finally {
    globalThis.Date = RealDate;
  }
}
