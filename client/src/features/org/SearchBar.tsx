import { Input, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import './OrgList.css';

interface SearchBarProps {
  placeholder: string;
  /** Called with the trimmed text a moment after typing stops, and at once on 搜索. */
  onSearch: (keyword: string) => void;
}

const DELAY_MS = 400;

/** WeChat's search field: a white pill on the grey page, searching as the member types. */
export function SearchBar({ placeholder, onSearch }: SearchBarProps) {
  const [text, setText] = useState('');
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;
  const sent = useRef('');

  useEffect(() => {
    const keyword = text.trim();
    if (keyword === sent.current) return undefined;
    const timer = setTimeout(() => {
      sent.current = keyword;
      onSearchRef.current(keyword);
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const searchNow = () => {
    const keyword = text.trim();
    sent.current = keyword;
    onSearchRef.current(keyword);
  };

  return (
    <View className="org-search">
      <View className="org-search__box">
        <View className="org-search__icon" />
        <Input
          className="org-search__input"
          placeholderClass="org-search__placeholder"
          type="text"
          value={text}
          maxlength={20}
          placeholder={placeholder}
          confirmType="search"
          onInput={(event) => setText(event.detail.value)}
          onConfirm={searchNow}
        />
        {text ? (
          <View className="org-search__clear" aria-label="清除搜索" onClick={() => setText('')}>
            <Text className="org-search__clear-x">×</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
