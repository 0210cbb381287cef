import { View } from '@tarojs/components';
import { DemoUserPicker } from '@/features/demoUser';
import { appraisalPages, openAppraisalPage } from '@/features/appraisal';
import { Cell, CellGroup } from '@/ui';

export default function LoginPage() {
  return (
    <View className="page">
      <DemoUserPicker />
      <CellGroup title="述职评议">
        <Cell label="我是教师，使用评价码评价书记述职" onClick={() => openAppraisalPage(appraisalPages.teacher())} />
      </CellGroup>
    </View>
  );
}
