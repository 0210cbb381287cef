import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './EmptyState.css';

interface EmptyStateProps {
  image: string;
  title: string;
  description: string;
  children?: ReactNode;
}

export function EmptyState({ image, title, description, children }: EmptyStateProps) {
  return (
    <View className="empty-state">
      <Image className="empty-state__image" src={image} mode="scaleToFill" />
      <Text className="empty-state__title">{title}</Text>
      <Text className="empty-state__description">{description}</Text>
      {children ? <View className="empty-state__actions">{children}</View> : null}
    </View>
  );
}
