export { createDepartmentSite, createDepartmentSiteHandler, type DepartmentSiteOptions } from './createDepartmentSite'
export { renderDocumentPage, renderSearchPage } from './pages'
