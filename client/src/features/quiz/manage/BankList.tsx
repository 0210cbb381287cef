import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { QuizBank } from '@zhibu/types';
import { useState } from 'react';
import {
  Button,
  Cell,
  CellGroup,
  ErrorState,
  FormActions,
  FormGroup,
  FormInput,
  ListFooter,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { usePagedList } from '@/hooks/usePagedList';
import { quizApi, quizPages } from '../api';
import '../quiz.css';
import './manage.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const idOf = (b: QuizBank) => b.bankId;

/** 题库管理: the bureau's banks and the branch's, a new bank, and the ways into quizzes. */
export function BankList() {
  const list = usePagedList(quizApi.listBanks, { idOf });
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  usePullToReload(list.reload);
  useReachBottom(() => void list.loadMore());
  useDidShow(() => {
    if (list.loadedAt !== null) void list.reload();
  });

  const create = async () => {
    setCreating(true);
    const result = await quizApi.createBank(name.trim());
    setCreating(false);
    if (!result.ok) return showFailureToast(result);
    setName('');
    void list.reload();
  };

  return (
    <View>
      <CellGroup title="理论测试">
        <Cell
          label="发布测试"
          value="抽题规则、时间与次数"
          onClick={() => void Taro.navigateTo({ url: quizPages.create() })}
        />
        <Cell
          label="测试统计"
          value="参考率、通过率、试题分析"
          onClick={() => void Taro.navigateTo({ url: quizPages.managed() })}
        />
      </CellGroup>
      <Text className="qm-section-title">题库</Text>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.items.map((bank) => (
        <View
          key={bank.bankId}
          className="qm-row"
          hoverClass="qm-row--hover"
          aria-label={bank.name}
          onClick={() => void Taro.navigateTo({ url: quizPages.questions(bank.bankId, bank.name) })}
        >
          <Text className="qm-row__title">{bank.name}</Text>
          <Text className="qm-row__meta">
            {bank.scope === 'bureau' ? '局党委题库' : '本支部题库'} · {bank.questionCount} 题
            {bank.tags.length ? ` · ${bank.tags.slice(0, 4).join('、')}` : ''}
            {bank.canEdit ? '' : ' · 只可抽题'}
          </Text>
        </View>
      ))}
      {list.status === 'ready' && list.items.length > 0 ? (
        <ListFooter list={list} totalText={(n) => `共 ${n} 个题库`} />
      ) : null}
      <FormGroup title="新建题库">
        <FormInput label="题库名称" value={name} onChange={setName} maxlength={30} placeholder="如：党章党规题库" />
      </FormGroup>
      <FormActions>
        <Button loading={creating} disabled={name.trim().length < 2} onClick={() => void create()}>
          新建题库
        </Button>
      </FormActions>
    </View>
  );
}
