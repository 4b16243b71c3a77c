import type { GlobalThemeOverrides } from 'naive-ui'

export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: '#1f5fbf',
    primaryColorHover: '#3a76cf',
    primaryColorPressed: '#174a96',
    primaryColorSuppl: '#3a76cf',
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
    borderRadius: '4px',
  },
}
