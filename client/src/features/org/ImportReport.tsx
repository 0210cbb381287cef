import { Text, View } from '@tarojs/components';
import type { RosterRowError } from '@zhibu/types';
import './Import.css';

/** How many problems are listed before “and N more”: enough to fix a sheet, short enough to scroll. */
export const SHOWN_PROBLEMS = 50;

export interface ImportCheck {
  rows: number;
  valid: boolean;
  created: number;
  errors: RosterRowError[];
}

/** `第 3 行 · 手机号`: where in the sheet a problem is, as the secretary will look for it in Excel. */
export function problemPlace(error: RosterRowError): string {
  return error.column ? `第 ${error.row} 行 · ${error.column}` : `第 ${error.row} 行`;
}

/** Problems in sheet order, so fixing them top to bottom works. */
export function sortedProblems(errors: readonly RosterRowError[]): RosterRowError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}

/** The result of checking a roster sheet: ready to import, or every problem by row and column. */
export function ImportReport({ fileName, check }: { fileName: string; check: ImportCheck }) {
  if (check.valid) {
    return (
      <View className="import-report import-report--ok" role="status">
        <Text className="import-report__title">检查通过</Text>
        <Text className="import-report__text">
          「{fileName}」共 {check.rows} 名党员，没有发现问题。确认无误后点「确认导入」。
        </Text>
      </View>
    );
  }
  const problems = sortedProblems(check.errors);
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <View className="import-report import-report--bad" role="alert">
      <Text className="import-report__title">发现 {problems.length} 处问题</Text>
      <Text className="import-report__text">
        「{fileName}」共 {check.rows} 行，尚未导入任何数据。请在 Excel 中按下列提示修改后，重新选择文件。
      </Text>
      <View className="import-report__list">
        {shown.map((error, index) => (
          <View key={`${error.row}-${error.column ?? ''}-${index}`} className="import-report__item">
            <Text className="import-report__place">{problemPlace(error)}</Text>
            <Text className="import-report__message">{error.message}</Text>
          </View>
        ))}
      </View>
      {problems.length > shown.length ? (
        <Text className="import-report__more">
          还有 {problems.length - shown.length} 处问题未列出，请先修改以上问题。
        </Text>
      ) : null}
    </View>
  );
}
