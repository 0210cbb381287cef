import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './HomeCard.css';

interface HomeCardProps {
  title: string;
  /** A number worth acting on (待审批 3): shown as a red count beside the title. */
  count?: number;
  /** The words of the link at the top right (`全部`), and where it goes. */
  more?: string;
  onMore?: () => void;
  /** A line under the title summing the card up (3 条未读). */
  summary?: ReactNode;
  /** Said in the card when it has no rows, so an empty card reads as "nothing to do", not as broken. */
  empty?: string;
  /** Buttons under the rows: the card's one or two direct actions. */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * One card of 首页. Every card has the same head (title, count, 全部 ›), rows and empty line, so the
 * page reads as one list of things to do whatever feature each card comes from.
 */
export function HomeCard({ title, count, more, onMore, summary, empty, actions, children }: HomeCardProps) {
  const rows = Array.isArray(children) ? children.filter(Boolean) : children ? [children] : [];
  return (
    <View className="home-card" aria-label={title}>
      <View className="home-card__head" hoverClass={onMore ? 'home-card__head--hover' : 'none'} onClick={onMore}>
        <View className="home-card__title-line">
          <Text className="home-card__title">{title}</Text>
          {count ? <Text className="home-card__count">{count > 99 ? '99+' : count}</Text> : null}
        </View>
        {onMore ? (
          <View className="home-card__more">
            <Text>{more ?? '全部'}</Text>
            <View className="home-card__chevron" />
          </View>
        ) : null}
      </View>
      {summary ? <View className="home-card__summary">{summary}</View> : null}
      {rows.length === 0 && empty ? <Text className="home-card__empty">{empty}</Text> : rows}
      {actions ? <View className="home-card__actions">{actions}</View> : null}
    </View>
  );
}

interface HomeRowProps {
  title: string;
  /** A second line: when, where, or how many. */
  meta?: string;
  /** A small badge at the right of the title (a state, a deadline). */
  badge?: ReactNode;
  onClick?: () => void;
  /** A button under the row (显示签到二维码, 扫码签到). */
  action?: ReactNode;
}

export function HomeRow({ title, meta, badge, onClick, action }: HomeRowProps) {
  return (
    <View className="home-row">
      <View className="home-row__main" hoverClass={onClick ? 'home-row--hover' : 'none'} onClick={onClick}>
        <View className="home-row__line">
          <Text className="home-row__title">{title}</Text>
          {badge ? <View className="home-row__badge">{badge}</View> : null}
        </View>
        {meta ? <Text className="home-row__meta">{meta}</Text> : null}
      </View>
      {action ? <View className="home-row__action">{action}</View> : null}
    </View>
  );
}
