import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@shared/auth/contract'

declare module 'vue-router' {
  interface RouteMeta {
    /** menu entry; empty for pages reached from another page */
    title: string
    roles?: Role[]
    /** a paper form: shown without the app's navigation */
    print?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/home' },
  { path: '/home', component: () => import('./dashboard/HomeView.vue'), meta: { title: '首页' } },
  { path: '/handover', component: () => import('./handover/HandoverView.vue'), meta: { title: '交接班' } },
  { path: '/handover/history', component: () => import('./handover/HandoverHistoryView.vue'), meta: { title: '' } },
  { path: '/handover/:id', component: () => import('./handover/HandoverDetailView.vue'), meta: { title: '' } },
  {
    path: '/handover/:id/print',
    component: () => import('./handover/HandoverPrintView.vue'),
    meta: { title: '', print: true },
  },
  { path: '/faults', component: () => import('./faults/FaultListView.vue'), meta: { title: '故障管理' } },
  { path: '/faults/:id', component: () => import('./faults/FaultDetailView.vue'), meta: { title: '' } },
  {
    path: '/faults/:id/print',
    component: () => import('./faults/FaultPrintView.vue'),
    meta: { title: '', print: true },
  },
  { path: '/roster', component: () => import('./roster/RosterView.vue'), meta: { title: '值班排班' } },
  {
    path: '/roster/:month/print',
    component: () => import('./roster/RosterPrintView.vue'),
    meta: { title: '', print: true },
  },
  { path: '/service-log', component: () => import('./serviceLog/ServiceLogView.vue'), meta: { title: '运维记录' } },
  { path: '/assets', component: () => import('./assets/AssetListView.vue'), meta: { title: '运维对象' } },
  {
    path: '/audit',
    component: () => import('./audit/AuditView.vue'),
    meta: { title: '审计日志', roles: ['lead', 'reviewer'] },
  },
  {
    path: '/accounts',
    component: () => import('./accounts/AccountsView.vue'),
    meta: { title: '账号管理', roles: ['lead'] },
  },
  {
    path: '/settings',
    component: () => import('./settings/SettingsView.vue'),
    meta: { title: '站点设置', roles: ['lead'] },
  },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
