import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CellGroup, RadioRow } from '@/ui';
import { audienceApi } from './api';
import { AUDIENCE_LABELS, chosenSummary, type AudienceKind, type AudienceValue } from './audience';
import { ChooserSheet, type ChoiceRow } from './ChooserSheet';
import { usePartyGroups } from './partyGroups';
import './Chooser.css';

interface AudienceChooserProps {
  title: string;
  value: AudienceValue;
  onChange: (value: AudienceValue) => void;
  /** The kinds offered, in order (see BRANCH_KINDS and BUREAU_KINDS). */
  kinds: readonly AudienceKind[];
  /** The branch whose party groups and roster are chosen from (the poster's own). */
  branchId: string;
  /** Overrides of the option labels, e.g. 支部全体党员 in the activity form. */
  labels?: Partial<Record<AudienceKind, string>>;
  /** The 指定党员 sheet's title: 选择参加的党员, 选择接收的党员. */
  memberTitle?: string;
  /** Problems to show under the choice (after a first submit). */
  problem?: string | null;
}

type Sheet = 'members' | 'branches' | null;

async function memberRows(page: number, pageSize: number, keyword: string) {
  const result = await audienceApi.members(page, pageSize, keyword);
  if (!result.ok) return result;
  const rows: ChoiceRow[] = result.data.items
    .filter((m) => m.active)
    .map((m) => ({ id: m.memberId, name: m.name, note: m.partyGroupName ?? undefined }));
  return { ok: true as const, data: { items: rows, total: result.data.total } };
}

async function branchRows(page: number, pageSize: number) {
  const result = await audienceApi.branches(page, pageSize);
  if (!result.ok) return result;
  const rows: ChoiceRow[] = result.data.items
    .filter((b) => b.active)
    .map((b) => ({ id: b.branchId, name: b.name, note: `${b.memberCount} 人` }));
  return { ok: true as const, data: { items: rows, total: result.data.total } };
}

/**
 * Who a post goes to, one way everywhere (activities, notices, study tasks): the whole branch, the
 * committee, a party group, or chosen members from the roster; for the bureau, every branch or chosen ones.
 */
export function AudienceChooser({
  title,
  value,
  onChange,
  kinds,
  branchId,
  labels,
  memberTitle = '选择党员',
  problem,
}: AudienceChooserProps) {
  const groups = usePartyGroups(kinds.includes('group') ? branchId : null);
  const [sheet, setSheet] = useState<Sheet>(null);
  const [names, setNames] = useState(() => new Map<string, string>());

  const choose = (kind: AudienceKind) => {
    onChange({ ...value, kind });
    if (kind === 'members' && value.memberIds.length === 0) setSheet('members');
    if (kind === 'branches' && value.branchIds.length === 0) setSheet('branches');
  };
  const chosenOf = (ids: readonly string[]) => new Map(ids.map((id) => [id, names.get(id) ?? '']));
  const done = (kind: 'members' | 'branches', picked: Map<string, string>) => {
    setNames((current) => new Map([...current, ...picked]));
    onChange({ ...value, kind, [kind === 'members' ? 'memberIds' : 'branchIds']: [...picked.keys()] });
    setSheet(null);
  };

  return (
    <>
      <CellGroup title={title}>
        {kinds.map((kind) => {
          const on = value.kind === kind;
          const noGroups = kind === 'group' && groups !== null && groups.length === 0;
          const picker = kind === 'members' || kind === 'branches' ? kind : null;
          const ids = kind === 'members' ? value.memberIds : value.branchIds;
          return (
            <View key={kind}>
              <RadioRow
                label={labels?.[kind] ?? AUDIENCE_LABELS[kind]}
                on={on}
                disabled={noGroups}
                onClick={() => choose(kind)}
              >
                {noGroups ? <Text className="aud-option__value">本支部未设党小组</Text> : null}
                {picker && on ? (
                  <Text
                    className="aud-option__value aud-option__value--link"
                    onClick={(event) => {
                      event.stopPropagation();
                      setSheet(picker);
                    }}
                  >
                    {chosenSummary(ids, names, picker === 'members' ? '人' : '个支部')} ›
                  </Text>
                ) : null}
              </RadioRow>
              {kind === 'group' && on && groups ? (
                <View className="aud-groups">
                  {groups.map((group) => (
                    <View
                      key={group.id}
                      className={`aud-group${value.partyGroupId === group.id ? ' aud-group--on' : ''}`}
                      role="radio"
                      aria-checked={value.partyGroupId === group.id}
                      onClick={() => onChange({ ...value, partyGroupId: group.id })}
                    >
                      {group.name}
                    </View>
                  ))}
                </View>
              ) : null}
            </View>
          );
        })}
      </CellGroup>
      {problem ? <Text className="aud-problem">{problem}</Text> : null}
      {sheet === 'members' ? (
        <ChooserSheet
          title={memberTitle}
          chosen={chosenOf(value.memberIds)}
          load={memberRows}
          serverSearch
          searchPlaceholder="搜索姓名"
          onCancel={() => setSheet(null)}
          onDone={(picked) => done('members', picked)}
        />
      ) : null}
      {sheet === 'branches' ? (
        <ChooserSheet
          title="选择支部"
          chosen={chosenOf(value.branchIds)}
          load={branchRows}
          serverSearch={false}
          searchPlaceholder="搜索支部名称"
          onCancel={() => setSheet(null)}
          onDone={(picked) => done('branches', picked)}
        />
      ) : null}
    </>
  );
}
