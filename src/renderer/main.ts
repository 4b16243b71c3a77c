import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installTypeToSearch } from './common/type-to-search'
import { router } from './router'
import './common/base.css'

installTypeToSearch()
createApp(App).use(createPinia()).use(router).mount('#app')
