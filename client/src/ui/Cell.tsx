import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './Cell.css';

export function CellGroup({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <View className="cell-group">
      {title ? <Text className="cell-group__title">{title}</Text> : null}
      <View className="cell-group__body">{children}</View>
    </View>
  );
}

interface CellProps {
  label: ReactNode;
  value?: ReactNode;
  /** A grey second line under the label (dates, counts), so a long label never squeezes the value. */
  description?: ReactNode;
  /** Shown as a tappable row with a chevron. */
  onClick?: () => void;
  /** A centred action row, as WeChat shows 退出登录. */
  action?: 'default' | 'danger';
}

export function Cell({ label, value, description, onClick, action }: CellProps) {
  if (action) {
    return (
      <View className={`cell cell--action cell--${action}`} hoverClass="cell--hover" onClick={onClick}>
        <Text className="cell__action-text">{label}</Text>
      </View>
    );
  }
  return (
    <View className="cell" hoverClass={onClick ? 'cell--hover' : 'none'} onClick={onClick}>
      {description !== undefined ? (
        <View className="cell__label cell__label--grow">
          <View>{label}</View>
          <Text className="cell__desc">{description}</Text>
        </View>
      ) : (
        <View className="cell__label">{label}</View>
      )}
      {value !== undefined ? <View className="cell__value">{value}</View> : null}
      {onClick ? <View className="cell__arrow" /> : null}
    </View>
  );
}
