export { createDepartmentSite, createDepartmentSiteHandler, type DepartmentSiteOptions } from './createDepartmentSite'
export { renderDocumentPage, renderGonePage, renderSearchPage, type DocumentPageInput, type SiteInfo } from './pages'
export { goneDocumentOf, readDocument, type DocumentRead, type GoneDocument } from './readDocument'
