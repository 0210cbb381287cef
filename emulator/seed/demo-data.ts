import type { BranchDoc, MemberStatus, Role } from '@zhibu/types';

/**
 * The demo county: 清河县教育局党委 and six branches of the kinds a county education bureau has.
 * People are written one per line — `name|gender|status|party group|position|roles|bound` — so
 * the roster reads like the paper one it stands for.
 */
export const BUREAU = { _id: 'bureau', name: '中共清河县教育局委员会', shortName: '清河县教育局党委' };

type SeedBranch = Omit<BranchDoc, 'createdAt' | 'active'> & { people: string[] };

export const DEMO_BRANCHES: SeedBranch[] = [
  {
    _id: 'b-qhyz',
    name: '清河县第一中学党支部',
    kind: 'school',
    schools: ['清河县第一中学'],
    partyGroups: [
      { id: 'g1', name: '高一年级党小组' },
      { id: 'g2', name: '高二年级党小组' },
      { id: 'g3', name: '高三年级党小组' },
      { id: 'g4', name: '行政后勤党小组' },
    ],
    people: [
      '王建国|男|正式党员|g4|党总支书记、校长|secretary,committee|y',
      '李秀英|女|正式党员|g4|副校长|committee|y',
      '张伟|男|正式党员|g1|高一年级组长、数学教师|committee|y',
      '刘洋|男|正式党员|g1|物理教师||y',
      '陈静|女|正式党员|g1|语文教师||y',
      '杨帆|男|预备党员|g2|化学教师||y',
      '赵敏|女|正式党员|g2|英语教师、班主任||y',
      '黄志强|男|正式党员|g2|高二年级组长||y',
      '周丽娟|女|正式党员|g3|高三年级组长、历史教师||y',
      '吴磊|男|发展对象|g3|生物教师||y',
      '徐晓燕|女|正式党员|g3|政治教研组长||y',
      '孙浩然|男|入党积极分子|g1|体育教师||y',
      '马红梅|女|正式党员|g4|总务处主任||y',
      '朱光明|男|正式党员|g4|退休返聘教师||n',
    ],
  },
  {
    _id: 'b-sybx',
    name: '清河县实验小学党支部',
    kind: 'school',
    schools: ['清河县实验小学'],
    partyGroups: [
      { id: 'g1', name: '低年级党小组' },
      { id: 'g2', name: '高年级党小组' },
    ],
    people: [
      '何玉兰|女|正式党员|g2|支部书记、校长|secretary,committee|y',
      '郭文斌|男|正式党员|g1|副校长|committee|y',
      '林小燕|女|正式党员|g1|一年级班主任||y',
      '罗春梅|女|正式党员|g1|语文教师||y',
      '高俊杰|男|预备党员|g2|数学教师||y',
      '梁美玲|女|正式党员|g2|教务主任||y',
      '宋佳|女|入党积极分子|g1|音乐教师||y',
      '郑红霞|女|正式党员|g2|六年级班主任||y',
      '谢志华|男|正式党员|g2|信息技术教师||y',
      '韩雪|女|发展对象|g1|美术教师||y',
      '唐秀芳|女|正式党员|g2|大队辅导员||n',
    ],
  },
  {
    _id: 'b-zyxx',
    name: '清河县职业技术学校党支部',
    kind: 'school',
    schools: ['清河县职业技术学校'],
    partyGroups: [
      { id: 'g1', name: '机电专业党小组' },
      { id: 'g2', name: '财经商贸党小组' },
    ],
    people: [
      '冯振华|男|正式党员|g1|支部书记、校长|secretary,committee|y',
      '董丽萍|女|正式党员|g2|副校长|committee|y',
      '萧伟明|男|正式党员|g1|机电专业部主任||y',
      '程亮|男|正式党员|g1|数控实训教师||y',
      '曹建军|男|预备党员|g1|汽修专业教师||y',
      '袁芳|女|正式党员|g2|会计专业教师||y',
      '邓晓丽|女|正式党员|g2|电子商务教师||y',
      '许国庆|男|入党积极分子|g1|实训室管理员||y',
      '傅丹|女|正式党员|g2|学生处主任||y',
      '沈涛|男|发展对象|g2|就业指导教师||n',
    ],
  },
  {
    _id: 'b-jgyey',
    name: '清河县机关幼儿园党支部',
    kind: 'school',
    schools: ['清河县机关幼儿园'],
    partyGroups: [],
    people: [
      '曾丽华|女|正式党员||支部书记、园长|secretary,committee|y',
      '彭小红|女|正式党员||副园长|committee|y',
      '吕晓梅|女|正式党员||大班教师||y',
      '苏婷|女|预备党员||中班教师||y',
      '卢静怡|女|入党积极分子||小班教师||y',
      '蒋秀云|女|正式党员||保健医生||y',
      '蔡雨萱|女|发展对象||保育员||n',
    ],
  },
  {
    _id: 'b-jgzb',
    name: '清河县教育局机关党支部',
    kind: 'office',
    schools: ['清河县教育局机关'],
    partyGroups: [
      { id: 'g1', name: '办公室党小组' },
      { id: 'g2', name: '业务科室党小组' },
    ],
    people: [
      '贾志刚|男|正式党员|g1|机关党支部书记、办公室主任|secretary,committee|y',
      '丁慧敏|女|正式党员|g1|党建办主任|admin,committee|y',
      '魏晓东|男|正式党员|g1|党建办干事|admin|y',
      '薛红|女|正式党员|g2|基础教育股股长||y',
      '叶文涛|男|正式党员|g2|职成教股股长||y',
      '阎国华|男|正式党员|g2|人事股干部||y',
      '余海燕|女|预备党员|g2|财务股会计||y',
      '潘明|男|正式党员|g1|教研室主任||y',
      '杜晓琳|女|入党积极分子|g1|办公室文员||y',
      '戴永军|男|正式党员|g2|安全股股长||n',
    ],
  },
  {
    _id: 'b-sqlh',
    name: '清河县山区学校联合党支部',
    kind: 'joint',
    schools: ['石门乡中心小学', '云岭乡中心小学', '青石坳教学点'],
    partyGroups: [
      { id: 'g1', name: '石门乡中心小学党小组' },
      { id: 'g2', name: '云岭乡中心小学党小组' },
      { id: 'g3', name: '青石坳教学点党小组' },
    ],
    people: [
      '夏德明|男|正式党员|g1|联合支部书记、石门乡中心小学校长|secretary,committee|y',
      '钟桂兰|女|正式党员|g2|云岭乡中心小学校长|committee|y',
      '汪春生|男|正式党员|g1|数学教师||y',
      '田秀珍|女|正式党员|g1|语文教师||y',
      '任小军|男|预备党员|g2|科学教师||y',
      '姜玉梅|女|正式党员|g2|语文教师||y',
      '范宏伟|男|入党积极分子|g2|体育教师||y',
      '方永福|男|正式党员|g3|教学点负责人||y',
      '石凤英|女|正式党员|g3|复式班教师||n',
    ],
  },
];

export interface SeedPerson {
  name: string;
  gender: '男' | '女';
  status: MemberStatus;
  partyGroupId: string | null;
  position: string;
  roles: Role[];
  bound: boolean;
}

export function parsePerson(line: string): SeedPerson {
  const [name, gender, status, group, position, roles, bound] = line.split('|');
  return {
    name: name!,
    gender: gender as SeedPerson['gender'],
    status: status as MemberStatus,
    partyGroupId: group ? group : null,
    position: position!,
    roles: ['member', ...((roles ? roles.split(',') : []) as Role[])],
    bound: bound === 'y',
  };
}

/** Demo WeChat users are named after the member they are bound to, so a log line says who acted. */
export const demoOpenid = (memberId: string) => `demo_${memberId}`;
