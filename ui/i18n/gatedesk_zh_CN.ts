<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BuildingCheckins</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Bldg %1 (%2)</source>
        <translation>%1栋（%2人）</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单元</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>%1单元</translation>
    </message>
    <message>
        <source>(no phone)</source>
        <translation>（无电话）</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已打卡</translation>
    </message>
    <message>
        <source>✓ checked in</source>
        <translation>✓ 已打卡</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未打卡</translation>
    </message>
    <message>
        <source>✓ checked in, fever</source>
        <translation>✓ 已打卡，发热</translation>
    </message>
    <message>
        <source>%1 residents, %2 checked in today</source>
        <translation>共 %1 人，今日已打卡 %2 人</translation>
    </message>
    <message>
        <source>Recorded: %1 checked in today, health status %2.</source>
        <translation>已记录：%1 今日已打卡，健康状态%2。</translation>
    </message>
</context>
<context>
    <name>BuildingTree</name>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1人）</translation>
    </message>
    <message>
        <source>Bldg %1 (%2)</source>
        <translation>%1栋（%2人）</translation>
    </message>
    <message>
        <source>Unit %1 (%2)</source>
        <translation>%1单元（%2人）</translation>
    </message>
    <message>
        <source>Room %1 (%2)</source>
        <translation>%1室（%2人）</translation>
    </message>
    <message>
        <source>Household %1 (%2)</source>
        <translation>第%1户（%2人）</translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message>
        <source>Cancel isolation order</source>
        <translation>撤销隔离登记</translation>
    </message>
    <message>
        <source>For example: entered for the wrong person</source>
        <translation>例如：登记错了人</translation>
    </message>
    <message>
        <source>Only for an order made by mistake: %1</source>
        <translation>仅用于撤销误登记的隔离：%1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>New key-person category</source>
        <translation>新建重点人员类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Search a resident; empty: everyone not checked in today</source>
        <translation>搜索居民；留空则列出今日尚未打卡的居民</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>电话打卡</translation>
    </message>
    <message>
        <source>home visit</source>
        <translation>上门打卡</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>本人打卡</translation>
    </message>
    <message>
        <source>Symptoms or temperature (optional)</source>
        <translation>症状或体温（选填）</translation>
    </message>
    <message>
        <source>Checked in, well (Enter)</source>
        <translation>已打卡，身体正常（回车）</translation>
    </message>
    <message>
        <source>Checked in, fever (F3)</source>
        <translation>已打卡，发热（F3）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>按楼栋</translation>
    </message>
    <message>
        <source>Check-in method</source>
        <translation>打卡方式</translation>
    </message>
    <message>
        <source>%1 residents</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <source>%1 not checked in today</source>
        <translation>今日未打卡 %1 人</translation>
    </message>
    <message>
        <source>(elderly, no smartphone)</source>
        <translation>（无智能手机老人）</translation>
    </message>
    <message>
        <source>Choose a resident first.</source>
        <translation>请先选择居民。</translation>
    </message>
    <message>
        <source>Recorded: %1 checked in today, health status %2.</source>
        <translation>已记录：%1 今日已打卡，健康码：%2。</translation>
    </message>
    <message>
        <source>Recorded with fever: %1, health status %2. Inform the doctor.</source>
        <translation>已记录发热：%1，健康码：%2。请通知医生。</translation>
    </message>
</context>
<context>
    <name>CompanionsDialog</name>
    <message>
        <source>Companions from the same household</source>
        <translation>同户同行人员</translation>
    </message>
    <message>
        <source>Passes too</source>
        <translation>一同通行</translation>
    </message>
    <message>
        <source>Temperature °C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <source>Space ticks a person; type a temperature if one was taken.</source>
        <translation>空格键勾选人员；如已测温，请填写体温。</translation>
    </message>
    <message>
        <source>Check them (Enter)</source>
        <translation>核验同行人员（回车）</translation>
    </message>
    <message>
        <source>A temperature must be a number between %1 and %2.</source>
        <translation>体温应为 %1 到 %2 之间的数字。</translation>
    </message>
</context>
<context>
    <name>DemoDevicesBar</name>
    <message>
        <source>Demo devices</source>
        <translation>演示设备</translation>
    </message>
    <message>
        <source>Demo devices:</source>
        <translation>演示设备：</translation>
    </message>
    <message>
        <source>Card on reader</source>
        <translation>放身份证</translation>
    </message>
    <message>
        <source>Visitor's card</source>
        <translation>放访客身份证</translation>
    </message>
    <message>
        <source>Take card away</source>
        <translation>拿走身份证</translation>
    </message>
    <message>
        <source>Measure 36.5 °C</source>
        <translation>测温 36.5 °C</translation>
    </message>
    <message>
        <source>Measure 38.2 °C</source>
        <translation>测温 38.2 °C</translation>
    </message>
    <message>
        <source>Scan an unknown code</source>
        <translation>扫一个未知码</translation>
    </message>
    <message>
        <source>Unplug reader</source>
        <translation>拔出读卡器</translation>
    </message>
    <message>
        <source>Plug reader back in</source>
        <translation>插回读卡器</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender, age</source>
        <translation>性别、年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1岁</translation>
    </message>
    <message>
        <source> (elderly, no smartphone)</source>
        <translation>（老人，无智能手机）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>EndKeyPersonDialog</name>
    <message>
        <source>End key-person record</source>
        <translation>结束重点人员管理</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>隔离方式</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>隔离天数</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>上午随访</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午随访</translation>
    </message>
    <message>
        <source>Last temperature</source>
        <translation>最近体温</translation>
    </message>
    <message>
        <source>Missing follow-ups per grid</source>
        <translation>各网格未随访</translation>
    </message>
    <message>
        <source>Temperature °C, e.g. 36.5</source>
        <translation>体温 °C，如 36.5</translation>
    </message>
    <message>
        <source>Symptoms (empty: none)</source>
        <translation>症状（不填表示无）</translation>
    </message>
    <message>
        <source>Record follow-up (Enter)</source>
        <translation>记录随访（回车）</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>解除隔离…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>撤销隔离登记…</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>%1 in isolation, %2 with an overdue follow-up</source>
        <translation>隔离中 %1 人，其中 %2 人随访逾期</translation>
    </message>
    <message>
        <source>Day %1 of %2</source>
        <translation>第 %1 天 / 共 %2 天</translation>
    </message>
    <message>
        <source>release due</source>
        <translation>应解除隔离</translation>
    </message>
    <message>
        <source>fever</source>
        <translation>发热</translation>
    </message>
    <message>
        <source>%1: %2 missing, %3 overdue</source>
        <translation>%1：未随访 %2 人，逾期 %3 人</translation>
    </message>
    <message>
        <source>AM</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>No one in isolation.</source>
        <translation>目前没有隔离人员。</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>Recorded: %1 has a fever (%2 °C). Inform the doctor on duty.</source>
        <translation>已记录：%1 发热（%2 °C），请通知值班医生。</translation>
    </message>
    <message>
        <source>Recorded: %1, %2 °C, %3 follow-up.</source>
        <translation>已记录：%1，%2 °C，%3随访。</translation>
    </message>
    <message>
        <source>Release %1 from isolation now?</source>
        <translation>现在为 %1 解除隔离吗？</translation>
    </message>
    <message>
        <source>The status stays red today; check-ins on three days turn it green.</source>
        <translation>今天仍为红码；连续三天每日打卡后转为绿码。</translation>
    </message>
    <message>
        <source>Release from isolation</source>
        <translation>解除隔离</translation>
    </message>
    <message>
        <source>%1 released from isolation.</source>
        <translation>%1 已解除隔离。</translation>
    </message>
    <message>
        <source>The order of %1 was cancelled.</source>
        <translation>%1 的隔离登记已撤销。</translation>
    </message>
</context>
<context>
    <name>GateDialogs</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <source>Check (Enter)</source>
        <translation>登记（回车）</translation>
    </message>
    <message>
        <source>ID number / name initials:</source>
        <translation>身份证号 / 姓名首字母：</translation>
    </message>
    <message>
        <source>F3 Visitor</source>
        <translation>F3 访客</translation>
    </message>
    <message>
        <source>F4 Companions</source>
        <translation>F4 同行</translation>
    </message>
    <message>
        <source>F5 Typed temperature</source>
        <translation>F5 手动测温</translation>
    </message>
    <message>
        <source>F6 Staff decide</source>
        <translation>F6 人工核实</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc 取消</translation>
    </message>
    <message>
        <source>Check a resident first, then add the companions.</source>
        <translation>请先核验一位居民，再登记同行人员。</translation>
    </message>
    <message>
        <source>Nobody else lives in this household.</source>
        <translation>本户没有其他在住人员。</translation>
    </message>
    <message>
        <source>%1 companions checked, %2 not allowed</source>
        <translation>已核验同行人员 %1 人，其中 %2 人未放行</translation>
    </message>
    <message>
        <source>Only a referred check (yellow) can be decided by staff.</source>
        <translation>只有“请核实”（黄色）的记录可以人工核实处理。</translation>
    </message>
    <message>
        <source>This check can no longer be decided.</source>
        <translation>这条记录已无法再处理。</translation>
    </message>
    <message>
        <source>⚠ Not synced with the city yet: its lists are missing</source>
        <translation>⚠ 尚未与市平台同步：城市名单缺失</translation>
    </message>
    <message>
        <source>⚠ Offline for %1 hours (the city's lists are not up to date)</source>
        <translation>⚠ 离线 %1 小时（城市名单未更新）</translation>
    </message>
    <message>
        <source>Direction: %1 (F2)</source>
        <translation>方向：%1（F2）</translation>
    </message>
    <message>
        <source>Visitor: %1</source>
        <translation>访客：%1</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>被访住户：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>事由：%1</translation>
    </message>
    <message>
        <source>Entered: %1</source>
        <translation>进入时间：%1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>有效至：%1</translation>
    </message>
    <message>
        <source>%1 temporary visitor slip</source>
        <translation>%1 访客临时通行条</translation>
    </message>
    <message>
        <source>Slip not printed: %1</source>
        <translation>通行条未打印：%1</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>未找到相关人员</translation>
    </message>
</context>
<context>
    <name>GateSide</name>
    <message>
        <source>Waiting to re-measure</source>
        <translation>待复测</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Recent checks</source>
        <translation>最近记录</translation>
    </message>
    <message>
        <source>In %1   Out %2
Denied %3   Fever %4</source>
        <translation>进 %1   出 %2
拒绝 %3   发热 %4</translation>
    </message>
    <message>
        <source>Outings left, this household: %1/%2 (quota)</source>
        <translation>剩余外出 本户 %1/%2（限次）</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>访客 %1</translation>
    </message>
    <message>
        <source>%1 (staff)</source>
        <translation>%1（人工）</translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation>同行 %1</translation>
    </message>
    <message>
        <source>%1  %2 °C  re-measure now</source>
        <translation>%1  %2 °C  现在复测</translation>
    </message>
    <message>
        <source>%1  %2 °C  re-measure at %3</source>
        <translation>%1  %2 °C  %3 复测</translation>
    </message>
    <message>
        <source>Temperature: waiting for a reading</source>
        <translation>体温：等待测温</translation>
    </message>
    <message>
        <source>Temperature: %1 °C (typed, %2)</source>
        <translation>体温：%1 °C（手动，%2）</translation>
    </message>
    <message>
        <source>Temperature: %1 °C (%2)</source>
        <translation>体温：%1 °C（%2）</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Household</source>
        <translation>户信息</translation>
    </message>
    <message>
        <source>%1 (type only to change it)</source>
        <translation>%1（仅在需要修改时填写）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>Import results…</source>
        <translation>导入核酸检测结果…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>导入前核对</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Choose a result list</source>
        <translation>选择核酸检测结果名单</translation>
    </message>
    <message>
        <source>Result lists</source>
        <translation>结果名单</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在核对 %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Import %1 results</source>
        <translation>导入 %1 条结果</translation>
    </message>
    <message>
        <source>%1 rows: %2 match residents, %3 unmatched, %4 not readable, %5 already imported.</source>
        <translation>共 %1 行：匹配居民 %2，未匹配 %3，无法识别 %4，已导入过 %5。</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>检测结果：%1</translation>
    </message>
    <message>
        <source>Positive results: %1</source>
        <translation>阳性结果：%1 人</translation>
    </message>
    <message>
        <source>not a resident here</source>
        <translation>非本社区居民</translation>
    </message>
    <message>
        <source>Imported %1 results from %2.</source>
        <translation>已从 %2 导入 %1 条结果。</translation>
    </message>
    <message>
        <source>Rows not imported are listed in %1.</source>
        <translation>未导入的行已列在 %1 中。</translation>
    </message>
    <message>
        <source>The list of rows not imported could not be saved: %1</source>
        <translation>未导入行的清单无法保存：%1</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Rows read: %1</source>
        <translation>读取行数：%1</translation>
    </message>
    <message>
        <source>Empty and note rows skipped: %1</source>
        <translation>跳过的空行和说明行：%1</translation>
    </message>
    <message>
        <source>New residents: %1</source>
        <translation>新增居民：%1</translation>
    </message>
    <message>
        <source>Merged into residents already registered: %1</source>
        <translation>合并到已登记居民：%1</translation>
    </message>
    <message>
        <source>Already registered, unchanged: %1</source>
        <translation>已登记且无变化：%1</translation>
    </message>
    <message>
        <source>New households: %1</source>
        <translation>新增住户：%1</translation>
    </message>
    <message>
        <source>New buildings: %1</source>
        <translation>新增楼栋：%1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <source>Accepted with a remark:</source>
        <translation>已导入但需留意：</translation>
    </message>
    <message>
        <source>The ledger was imported.</source>
        <translation>台账已导入。</translation>
    </message>
    <message>
        <source>The list of rejected rows could not be saved beside the file (is the folder read-only, or the file open in Excel?). Copy the ledger to a folder you can write to and import it again: rows already imported are not written twice.</source>
        <translation>未导入行清单无法保存到源文件旁（文件夹是否只读，或文件正在 Excel 中打开？）。请把台账复制到可写入的文件夹后再导入一次：已导入的行不会重复写入。</translation>
    </message>
    <message>
        <source>The rejected rows and their reasons are in %1</source>
        <translation>未导入的行及原因见：%1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import resident ledger</source>
        <translation>导入居民台账</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the ledger as the office keeps it: Excel (.xlsx, .xls) or CSV (UTF-8 or GBK). Title rows and merged headers are fine. Nothing is written until you have seen the preview and pressed Import.</source>
        <translation>请选择社区现有的台账文件：Excel（.xlsx、.xls）或 CSV（UTF-8 或 GBK 编码）。带标题行、合并表头均可。在您看过预览并点击“导入”之前，不会写入任何数据。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Open the folder of the report</source>
        <translation>打开报告所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the ledger</source>
        <translation>选择台账文件</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>Sheet %1: the header is row %2, %3 rows below it. Check how each column is used; columns set to “not imported” are left out.</source>
        <translation>工作表 %1：表头在第 %2 行，其下共 %3 行。请核对每一列的用途；设为“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>还缺少：%1。</translation>
    </message>
    <message>
        <source>Used for more than one column: %1. Set the other columns to “not imported”.</source>
        <translation>以下项目被多列使用：%1。请将多余的列设为“不导入”。</translation>
    </message>
    <message>
        <source>Checking the rows… nothing is written yet.</source>
        <translation>正在检查各行……尚未写入任何数据。</translation>
    </message>
    <message>
        <source>Checked. Nothing has been written yet.</source>
        <translation>检查完毕。尚未写入任何数据。</translation>
    </message>
    <message>
        <source>Import writes the new and merged residents in one step. Rejected rows go to a report beside the file. Cancel writes nothing.</source>
        <translation>点击“导入”将一次性写入新增和合并的居民；未导入的行会写入源文件旁的报告。点击“取消”则不写入任何数据。</translation>
    </message>
    <message>
        <source>There is nothing to write: the registry already holds this ledger.</source>
        <translation>没有需要写入的内容：居民信息库中已有这份台账的全部数据。</translation>
    </message>
    <message>
        <source>Writing to the registry…</source>
        <translation>正在写入居民信息库……</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，未写入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: the registry is as it was. %1</source>
        <translation>导入未完成，居民信息库保持原样。%1</translation>
    </message>
    <message>
        <source>The rows could not be checked. %1</source>
        <translation>无法检查各行。%1</translation>
    </message>
</context>
<context>
    <name>IsolationOrderDialog</name>
    <message>
        <source>New isolation order</source>
        <translation>新建隔离登记</translation>
    </message>
    <message>
        <source>Home address or the isolation hotel</source>
        <translation>居家地址或集中隔离点</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>隔离方式</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>隔离地点</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划解除日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>KeyPersonDialog</name>
    <message>
        <source>Add key person</source>
        <translation>添加重点人员</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>KeyPersons</name>
    <message>
        <source>Returned from outside the area</source>
        <translation>外地返回人员</translation>
    </message>
    <message>
        <source>Came from Hubei</source>
        <translation>湖北来人员</translation>
    </message>
    <message>
        <source>Came from Wuhan</source>
        <translation>武汉来人员</translation>
    </message>
    <message>
        <source>Close contact</source>
        <translation>密切接触者</translation>
    </message>
    <message>
        <source>Fever without contact history</source>
        <translation>无接触史发热人员</translation>
    </message>
    <message>
        <source>City list</source>
        <translation>市平台名单</translation>
    </message>
    <message>
        <source>Self-reported</source>
        <translation>本人申报</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员排查</translation>
    </message>
    <message>
        <source>Home isolation</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <source>Centralised isolation</source>
        <translation>集中隔离</translation>
    </message>
    <message>
        <source>In isolation</source>
        <translation>隔离中</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已随访</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>未到时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待随访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需随访</translation>
    </message>
    <message>
        <source>No grid</source>
        <translation>未分网格</translation>
    </message>
    <message>
        <source>This resident is not in the registry: search again.</source>
        <translation>居民信息库中没有此人，请重新查找。</translation>
    </message>
    <message>
        <source>This resident is registered as moved out or deceased: check the registry first.</source>
        <translation>此人登记为已迁出或已去世，请先核对居民信息库。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>The end date is before the start date: correct the dates.</source>
        <translation>结束日期早于起始日期，请更正日期。</translation>
    </message>
    <message>
        <source>Already a key person of this category for these dates: edit or end that record.</source>
        <translation>此人在这段日期内已是该类别的重点人员，请修改或结束原记录。</translation>
    </message>
    <message>
        <source>Type a name for the category.</source>
        <translation>请输入类别名称。</translation>
    </message>
    <message>
        <source>The name is too long: at most 64 characters.</source>
        <translation>名称太长，最多 64 个字。</translation>
    </message>
    <message>
        <source>A category with this name exists already: choose it instead.</source>
        <translation>已有同名类别，请直接选用。</translation>
    </message>
    <message>
        <source>This record no longer exists: refresh the list.</source>
        <translation>该记录已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>This record has ended on or before that day already.</source>
        <translation>该记录在这一天或之前已经结束。</translation>
    </message>
    <message>
        <source>This resident is in isolation already: release or cancel that order first.</source>
        <translation>此人已在隔离中，请先解除或撤销原隔离登记。</translation>
    </message>
    <message>
        <source>The start date is in the future: enter the order on the day it starts.</source>
        <translation>开始日期在今天之后，请在隔离开始当天登记。</translation>
    </message>
    <message>
        <source>The planned end must come after the start: correct the dates.</source>
        <translation>计划解除日期必须晚于开始日期，请更正日期。</translation>
    </message>
    <message>
        <source>This cannot be a body temperature (%1 to %2 °C): measure again and type it.</source>
        <translation>这不是可能的体温（%1 至 %2 °C），请重新测量后输入。</translation>
    </message>
    <message>
        <source>That time is in the future: check the time and this PC's clock.</source>
        <translation>该时间在现在之后，请核对时间和本机时钟。</translation>
    </message>
    <message>
        <source>That time is before the isolation started: check the date.</source>
        <translation>该时间早于隔离开始，请核对日期。</translation>
    </message>
    <message>
        <source>The release cannot be before the isolation started.</source>
        <translation>解除时间不能早于隔离开始。</translation>
    </message>
    <message>
        <source>This order no longer exists: refresh the list.</source>
        <translation>该隔离登记已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>This order was released or cancelled already: refresh the list.</source>
        <translation>该隔离已解除或已撤销，请刷新列表。</translation>
    </message>
    <message>
        <source>Type why the order is cancelled.</source>
        <translation>请填写撤销原因。</translation>
    </message>
    <message>
        <source>Choose a resident from the list first.</source>
        <translation>请先在列表中选择居民。</translation>
    </message>
    <message>
        <source>Type the temperature as a number, for example 36.5.</source>
        <translation>请用数字输入体温，例如 36.5。</translation>
    </message>
    <message>
        <source>This could not be saved: try again.</source>
        <translation>未能保存，请重试。</translation>
    </message>
</context>
<context>
    <name>KeyPersonsPage</name>
    <message>
        <source>Today's follow-ups</source>
        <translation>今日随访</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Key persons</source>
        <translation>重点人员</translation>
    </message>
</context>
<context>
    <name>KeyPersonsTab</name>
    <message>
        <source>Search: name, pinyin initials, ID tail, room</source>
        <translation>查找：姓名、拼音首字母、身份证后四位、房号</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>仅在管人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add key person…</source>
        <translation>添加重点人员…</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>结束管理…</translation>
    </message>
    <message>
        <source>New category…</source>
        <translation>新建类别…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>共 %1 条</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Record a death</source>
        <translation>登记死亡</translation>
    </message>
    <message>
        <source>%1 died on:</source>
        <translation>%1 的死亡日期：</translation>
    </message>
    <message>
        <source>Record a move-out</source>
        <translation>登记迁出</translation>
    </message>
    <message>
        <source>%1 moved out on:</source>
        <translation>%1 的迁出日期：</translation>
    </message>
    <message>
        <source>The gate will ask staff to verify this person. Undo restores it.</source>
        <translation>此后卡口将提示工作人员核实此人。可用“撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GateDesk</source>
        <translation>社区卡口登记台</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>居民信息库</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>健康打卡</translation>
    </message>
    <message>
        <source>Key persons</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>核酸检测</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>出入证</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>No devices configured: type ID numbers</source>
        <translation>未配置设备：请手动输入身份证号</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate records</source>
        <translation>合并重复记录</translation>
    </message>
    <message>
        <source>Name, pinyin initials, room, last 4 digits</source>
        <translation>姓名、拼音首字母、房号、后4位</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>并入</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Everything recorded for the second record (entries, check-ins, key persons, isolation, tests, passes) moves to the kept one; the second record is removed.</source>
        <translation>第二条记录的全部数据（出入记录、每日打卡、重点人员、隔离、核酸检测结果、出入证）将转到保留的记录，第二条记录随后删除。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>NotYetPage</name>
    <message>
        <source>%1: not yet available in this version.</source>
        <translation>%1：本版本暂未提供。</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Active orders only</source>
        <translation>仅显示隔离中</translation>
    </message>
    <message>
        <source>New isolation order…</source>
        <translation>新建隔离登记…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>隔离方式</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>隔离地点</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划解除日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>解除时间</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Staff decision</source>
        <translation>人工核实</translation>
    </message>
    <message>
        <source>Referred: %1</source>
        <translation>待核实原因：%1</translation>
    </message>
    <message>
        <source>Verified by phone</source>
        <translation>已电话核实</translation>
    </message>
    <message>
        <source>Showed a paper certificate</source>
        <translation>已查验纸质证明</translation>
    </message>
    <message>
        <source>Confirmed by the grid worker</source>
        <translation>网格员已确认</translation>
    </message>
    <message>
        <source>Not allowed: sent home</source>
        <translation>不予通行，已劝返</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>核实理由（必填）</translation>
    </message>
    <message>
        <source>Allow (Enter)</source>
        <translation>放行（回车）</translation>
    </message>
    <message>
        <source>Deny (F8)</source>
        <translation>禁止通行（F8）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Say why: the decision is logged with your name.</source>
        <translation>请填写理由：处理结果将与您的姓名一起记录。</translation>
    </message>
</context>
<context>
    <name>PassesPage</name>
    <message>
        <source>the last valid day is before the first</source>
        <translation>有效期的最后一天早于第一天</translation>
    </message>
    <message>
        <source>the resident no longer lives here (moved out or deceased)</source>
        <translation>该居民已不在本社区居住（已迁出或已去世）</translation>
    </message>
    <message>
        <source>the resident is no longer in the registry</source>
        <translation>居民信息库中已没有该居民</translation>
    </message>
    <message>
        <source>the pass names nobody of the registry</source>
        <translation>此证对应的人员不在居民信息库中</translation>
    </message>
    <message>
        <source>there is no such pass</source>
        <translation>没有这张出入证</translation>
    </message>
    <message>
        <source>this PC does not hold the community's signing key: issue passes on the PC that made it, or make a new key (gatedesk passes rotate-key)</source>
        <translation>本机没有社区的签名密钥：请在生成密钥的电脑上发证，或生成新密钥（gatedesk passes rotate-key）</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>不限年龄</translation>
    </message>
    <message>
        <source>Only residents without a smartphone</source>
        <translation>仅限无智能手机的居民</translation>
    </message>
    <message>
        <source>Leave out current key persons</source>
        <translation>不含在管重点人员</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Visitor with host (blue)</source>
        <translation>有被访住户的访客（蓝码）</translation>
    </message>
    <message>
        <source>Staff / volunteer</source>
        <translation>工作人员 / 志愿者</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>80 mm slips instead of A4 sheets</source>
        <translation>打印 80 毫米小票（不用 A4 纸）</translation>
    </message>
    <message>
        <source>Find residents</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <source>Issue and preview</source>
        <translation>发证并预览</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Aged at least</source>
        <translation>年龄不低于</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Who gets a pass</source>
        <translation>发证对象</translation>
    </message>
    <message>
        <source>Lost: revoke</source>
        <translation>挂失作废</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>补办</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印</translation>
    </message>
    <message>
        <source>Passes issued</source>
        <translation>已发出入证</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>Bldg %1</source>
        <translation>%1栋</translation>
    </message>
    <message>
        <source>No. %1  %2  valid until %3</source>
        <translation>编号 %1  %2  有效至 %3</translation>
    </message>
    <message>
        <source>%1 residents match.</source>
        <translation>符合条件的居民 %1 人。</translation>
    </message>
    <message>
        <source>Issue %1 passes and preview</source>
        <translation>发放 %1 张出入证并预览</translation>
    </message>
    <message>
        <source>No pass was issued: %1</source>
        <translation>未发放出入证：%1</translation>
    </message>
    <message>
        <source>Preparing %1 passes for printing…</source>
        <translation>正在准备打印 %1 张出入证……</translation>
    </message>
    <message>
        <source>%1 pages ready: check them, then print. Saved as %2</source>
        <translation>共 %1 页已生成，请核对后打印。文件已保存：%2</translation>
    </message>
    <message>
        <source>Nothing to print: issue the passes first, or reissue a revoked one.</source>
        <translation>没有可打印的出入证：请先发证，已作废的证请补办。</translation>
    </message>
    <message>
        <source>The sheet could not be made: %1</source>
        <translation>无法生成打印页：%1</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>已发送 %1 页到打印机。</translation>
    </message>
    <message>
        <source>Choose a pass in the list first.</source>
        <translation>请先在列表中选择一张出入证。</translation>
    </message>
    <message>
        <source>Pass No. %1 is revoked: every gate refuses it from now on.</source>
        <translation>编号 %1 的出入证已作废：从现在起各卡口都会拒绝此证。</translation>
    </message>
    <message>
        <source>Pass No. %1 sent to the receipt printer.</source>
        <translation>编号 %1 的出入证已发送到小票打印机。</translation>
    </message>
</context>
<context>
    <name>PortBox</name>
    <message>
        <source>(none)</source>
        <translation>（不使用）</translation>
    </message>
    <message>
        <source>auto: probe USB serial ports</source>
        <translation>自动：探测 USB 串口</translation>
    </message>
</context>
<context>
    <name>RegistryErrors</name>
    <message>
        <source>The ID number is not valid: check it against the card.</source>
        <translation>身份证号无效：请对照证件核对。</translation>
    </message>
    <message>
        <source>Enter the name as written on the ID card.</source>
        <translation>请按身份证上的写法填写姓名。</translation>
    </message>
    <message>
        <source>A name cannot start with = + - @ or hold = | &lt; &gt;: type it as on the ID card.</source>
        <translation>姓名不能以 = + - @ 开头，也不能含有 = | &lt; &gt;：请按身份证填写。</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>姓名过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>This ID number is already registered for %1: open that resident, or merge the two.</source>
        <translation>该身份证号已登记给 %1：请打开该居民，或合并两条记录。</translation>
    </message>
    <message>
        <source>A phone number has digits only (spaces and dashes are fine).</source>
        <translation>电话号码只能含数字（可带空格和短横线）。</translation>
    </message>
    <message>
        <source>A phone number has %1 to %2 digits.</source>
        <translation>电话号码应为 %1 到 %2 位数字。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19: check the number.</source>
        <translation>手机号应以 13 至 19 开头：请核对号码。</translation>
    </message>
    <message>
        <source>Enter building, unit and room (or leave all three empty).</source>
        <translation>请填写楼栋、单元和房号（或三项都留空）。</translation>
    </message>
    <message>
        <source>Building, unit and room are short numbers such as 3, 2, 501.</source>
        <translation>楼栋、单元和房号应为简短编号，如 3、2、501。</translation>
    </message>
    <message>
        <source>A grid name is short text, at most 32 characters.</source>
        <translation>网格名称应为简短文字，最多 32 个字符。</translation>
    </message>
    <message>
        <source>The birth date is after today.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <source>The date is after today.</source>
        <translation>日期晚于今天。</translation>
    </message>
    <message>
        <source>The resident is not registered as living here.</source>
        <translation>该居民未登记为在住。</translation>
    </message>
    <message>
        <source>The resident is no longer in the registry: search again.</source>
        <translation>该居民已不在居民信息库中：请重新搜索。</translation>
    </message>
    <message>
        <source>The household is no longer in the registry: search again.</source>
        <translation>该户已不在居民信息库中：请重新搜索。</translation>
    </message>
    <message>
        <source>Choose another resident to merge with.</source>
        <translation>请选择另一位居民进行合并。</translation>
    </message>
    <message>
        <source>The two records have different ID numbers: they are two people, not merged.</source>
        <translation>两条记录的身份证号不同：是两个人，未合并。</translation>
    </message>
    <message>
        <source>Your role cannot see full ID numbers or phones.</source>
        <translation>您的角色无权查看完整身份证号或电话。</translation>
    </message>
    <message>
        <source>The change could not be saved (%1).</source>
        <translation>无法保存修改（%1）。</translation>
    </message>
</context>
<context>
    <name>RegistryExport</name>
    <message>
        <source>City list</source>
        <translation>市级名单</translation>
    </message>
    <message>
        <source>Self-reported</source>
        <translation>自行申报</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Returned from outside the area</source>
        <translation>外地返回</translation>
    </message>
    <message>
        <source>Came from Hubei</source>
        <translation>来自湖北</translation>
    </message>
    <message>
        <source>Came from Wuhan</source>
        <translation>来自武汉</translation>
    </message>
    <message>
        <source>Close contact</source>
        <translation>密切接触者</translation>
    </message>
    <message>
        <source>Fever without contact history</source>
        <translation>无接触史发热</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health status</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Elderly, no smartphone</source>
        <translation>老人无智能手机</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Residents living here</source>
        <translation>在住人数</translation>
    </message>
    <message>
        <source>Moved out on</source>
        <translation>迁出日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民台账</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>住户台账</translation>
    </message>
    <message>
        <source>Key persons</source>
        <translation>重点人员台账</translation>
    </message>
    <message>
        <source>Names, ID numbers and phones are masked.</source>
        <translation>姓名、身份证号和电话均已脱敏。</translation>
    </message>
    <message>
        <source>ID numbers are masked; names and phones are in full.</source>
        <translation>身份证号已脱敏；姓名和电话为完整信息。</translation>
    </message>
    <message>
        <source>Full personal data: for epidemic control only; keep the file safe and delete it after use.</source>
        <translation>含完整个人信息：仅用于疫情防控；请妥善保管，用后删除。</translation>
    </message>
    <message>
        <source>%1, exported %2</source>
        <translation>%1，导出时间 %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>RegistryExporter</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Could not write %1: close it in Excel or choose another folder, then export again.</source>
        <translation>无法写入 %1：请在 Excel 中关闭该文件或选择其他文件夹，然后重新导出。</translation>
    </message>
    <message>
        <source>The export to %1 failed; nothing was written. The log has details.</source>
        <translation>导出到 %1 失败，未写入任何内容。详情见日志。</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Search: name, pinyin initials, room number, last 4 digits of ID or phone</source>
        <translation>搜索：姓名、拼音首字母、房号、身份证或电话后4位</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Living here</source>
        <translation>在住</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>全部健康状态</translation>
    </message>
    <message>
        <source>Elderly without phone</source>
        <translation>无手机老人</translation>
    </message>
    <message>
        <source>Key persons only</source>
        <translation>仅重点人员</translation>
    </message>
    <message>
        <source>New resident…</source>
        <translation>新增居民…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Household…</source>
        <translation>户信息…</translation>
    </message>
    <message>
        <source>Move out…</source>
        <translation>迁出…</translation>
    </message>
    <message>
        <source>Deceased…</source>
        <translation>死亡…</translation>
    </message>
    <message>
        <source>Undo (living here again)</source>
        <translation>撤销（恢复在住）</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>Shows the full numbers; every reveal is recorded</source>
        <translation>显示完整号码；每次查看都会被记录</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Key persons</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>%1 residents, showing the first %2: narrow the search</source>
        <translation>共 %1 人，显示前 %2 人：请缩小搜索范围</translation>
    </message>
    <message>
        <source>%1 residents</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <source>Resident registered.</source>
        <translation>居民已登记。</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>修改已保存。</translation>
    </message>
    <message>
        <source>Household saved.</source>
        <translation>户信息已保存。</translation>
    </message>
    <message>
        <source>Recorded as deceased: %1</source>
        <translation>已登记死亡：%1</translation>
    </message>
    <message>
        <source>Recorded as moved out: %1</source>
        <translation>已登记迁出：%1</translation>
    </message>
    <message>
        <source>Living here again: %1</source>
        <translation>已恢复在住：%1</translation>
    </message>
    <message>
        <source>Records merged into %1.</source>
        <translation>记录已合并到 %1。</translation>
    </message>
    <message>
        <source>Shown in full; this access is recorded.</source>
        <translation>已显示完整信息；本次查看已记录。</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>Edit resident</source>
        <translation>编辑居民</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>新增居民</translation>
    </message>
    <message>
        <source>%1 (type only to change it)</source>
        <translation>%1（仅在需要修改时填写）</translation>
    </message>
    <message>
        <source>18 digits (old cards: 15)</source>
        <translation>18位（旧证15位）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Elderly, no smartphone</source>
        <translation>老人，无智能手机</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Without an ID number:</source>
        <translation>无身份证号时：</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ResidentPicker</name>
    <message>
        <source>Name, pinyin initials, room number or last 4 digits of the ID number</source>
        <translation>姓名、拼音首字母、房号或身份证后四位</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save and reconnect devices</source>
        <translation>保存并重新连接设备</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Demo: the devices are the built-in simulators.</source>
        <translation>演示模式：设备为内置模拟器。</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>自动探测</translation>
    </message>
    <message>
        <source>Modbus RTU</source>
        <translation>Modbus RTU</translation>
    </message>
    <message>
        <source>ASCII lines</source>
        <translation>ASCII 文本行</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>ID-card reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Same card ignored for</source>
        <translation>同一张卡忽略时间</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>串口扫码枪</translation>
    </message>
    <message>
        <source>Thermometer</source>
        <translation>测温仪</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Wrist/forehead offset</source>
        <translation>腕温/额温补偿</translation>
    </message>
    <message>
        <source>Reading attaches for</source>
        <translation>读数有效时间</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Test device</source>
        <translation>测试设备</translation>
    </message>
    <message>
        <source>Press Test device to see its state and last reading.</source>
        <translation>点击“测试设备”查看状态和最近一次读数。</translation>
    </message>
    <message>
        <source>Camera (QR codes)</source>
        <translation>摄像头（扫二维码）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（不使用）</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>摄像头 %1</translation>
    </message>
    <message>
        <source>zxing-cpp (recommended)</source>
        <translation>zxing-cpp（推荐）</translation>
    </message>
    <message>
        <source>No camera running.</source>
        <translation>摄像头未运行。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Receipt printer (80 mm)</source>
        <translation>小票打印机（80 毫米）</translation>
    </message>
    <message>
        <source>serial:PORT[@BAUD], network:HOST[:PORT], usb:VID:PID or file:PATH</source>
        <translation>serial:端口[@波特率]、network:主机[:端口]、usb:VID:PID 或 file:路径</translation>
    </message>
    <message>
        <source>Print a test slip</source>
        <translation>打印测试单</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Verdict sounds</source>
        <translation>提示音与语音播报</translation>
    </message>
    <message>
        <source>A sound for every verdict</source>
        <translation>每次核验发出提示音</translation>
    </message>
    <message>
        <source>Speak the verdict</source>
        <translation>语音播报核验结果</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试听</translation>
    </message>
    <message>
        <source>Sounds are not available in this window.</source>
        <translation>此窗口无法播放声音。</translation>
    </message>
    <message>
        <source>Other settings (edit the file, then restart)</source>
        <translation>其他设置（编辑设置文件后重启）</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>最近：%1</translation>
    </message>
    <message>
        <source>no reading yet</source>
        <translation>尚无读数</translation>
    </message>
    <message>
        <source>%1 frames/s decoded, last decode %2 ms (%3)</source>
        <translation>每秒解码 %1 帧，最近一次解码 %2 毫秒（%3）</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <source>Test slip sent to the printer.</source>
        <translation>测试单已发送到打印机。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>The settings were not saved:
%1</source>
        <translation>设置未能保存：
%1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>GateDesk cannot start</source>
        <translation>社区卡口登记台无法启动</translation>
    </message>
    <message>
        <source>The settings file has a mistake:
%1

Fix it and start again.</source>
        <translation>设置文件有错误：
%1

请改正后重新启动。</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1

Check database_url in the settings file or that the database server is running.</source>
        <translation>无法打开数据库：
%1

请检查设置文件中的 database_url，或确认数据库服务器正在运行。</translation>
    </message>
</context>
<context>
    <name>TemperatureDialog</name>
    <message>
        <source>Typed temperature</source>
        <translation>手动测温</translation>
    </message>
    <message>
        <source>Temperature for the next check</source>
        <translation>下一位的体温</translation>
    </message>
    <message>
        <source>Use it (Enter)</source>
        <translation>使用（回车）</translation>
    </message>
</context>
<context>
    <name>TestResults</name>
    <message>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待出结果</translation>
    </message>
    <message>
        <source>Invalid sample</source>
        <translation>样本无效</translation>
    </message>
</context>
<context>
    <name>TestsPage</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Within the last</source>
        <translation>统计最近</translation>
    </message>
    <message>
        <source>Building %1</source>
        <translation>%1栋</translation>
    </message>
    <message>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>%1单元</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单元</translation>
    </message>
    <message>
        <source>%1 of %2 residents have no negative result since %3</source>
        <translation>%2 名在册居民中有 %1 人自 %3 起无核酸阴性结果</translation>
    </message>
    <message>
        <source>Save the list as</source>
        <translation>名单另存为</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF 已保存：%1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>No negative result</source>
        <translation>无阴性结果名单</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Allow</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Allow (temporary)</source>
        <translation>临时放行</translation>
    </message>
    <message>
        <source>Please verify</source>
        <translation>请核实</translation>
    </message>
    <message>
        <source>No entry</source>
        <translation>禁止通行</translation>
    </message>
    <message>
        <source>Abnormal temperature</source>
        <translation>体温异常</translation>
    </message>
    <message>
        <source>Please re-measure</source>
        <translation>请复测</translation>
    </message>
    <message>
        <source>Check the number</source>
        <translation>请核对号码</translation>
    </message>
    <message>
        <source>Registered resident, status green</source>
        <translation>本社区居民，绿码</translation>
    </message>
    <message>
        <source>Not in the registry: register as a visitor</source>
        <translation>未登记人员：请按访客登记</translation>
    </message>
    <message>
        <source>Registered as moved out: staff to verify</source>
        <translation>登记为已迁出：请工作人员核实</translation>
    </message>
    <message>
        <source>Registered as deceased: staff to verify the card</source>
        <translation>登记为已故：请工作人员核验证件</translation>
    </message>
    <message>
        <source>Health status yellow: staff to verify</source>
        <translation>健康状态为黄码：请工作人员核实</translation>
    </message>
    <message>
        <source>Health status red</source>
        <translation>健康状态为红码</translation>
    </message>
    <message>
        <source>Under isolation</source>
        <translation>正在隔离</translation>
    </message>
    <message>
        <source>Temperature at or above the threshold: re-measure in a few minutes</source>
        <translation>体温达到或超过阈值：请几分钟后复测</translation>
    </message>
    <message>
        <source>Reading out of range: measure again</source>
        <translation>读数超出范围：请重新测温</translation>
    </message>
    <message>
        <source>No number was entered</source>
        <translation>未输入号码</translation>
    </message>
    <message>
        <source>Only digits and a final X are allowed</source>
        <translation>只能包含数字，最后一位可以是X</translation>
    </message>
    <message>
        <source>An ID number has 18 digits (old cards: 15)</source>
        <translation>身份证号应为18位（旧证15位）</translation>
    </message>
    <message>
        <source>The first two digits are not a province code</source>
        <translation>前两位不是有效的省份代码</translation>
    </message>
    <message>
        <source>Digits 7 to 14 are not a possible birth date</source>
        <translation>第7至14位不是有效的出生日期</translation>
    </message>
    <message>
        <source>Wrong check digit (last character): check the number for a typo</source>
        <translation>校验位（最后一位）不正确：请核对号码是否输错</translation>
    </message>
    <message>
        <source>Unknown code: not a GateDesk pass, health code or ID number</source>
        <translation>未知的码：不是本系统出入证、健康码或身份证号</translation>
    </message>
    <message>
        <source>City health status yellow: staff to verify</source>
        <translation>市平台健康状态为黄码：请工作人员核实</translation>
    </message>
    <message>
        <source>City health status red</source>
        <translation>市平台健康状态为红码</translation>
    </message>
    <message>
        <source>The health code shows yellow: staff to verify</source>
        <translation>健康码显示黄码：请工作人员核实</translation>
    </message>
    <message>
        <source>The health code shows red</source>
        <translation>健康码显示红码</translation>
    </message>
    <message>
        <source>Key person under observation: staff to verify</source>
        <translation>重点人员：请工作人员核实</translation>
    </message>
    <message>
        <source>Fever again at the re-measure: report to the health station</source>
        <translation>复测仍发热：请报告卫生服务站</translation>
    </message>
    <message>
        <source>Fever recorded earlier: wait for the re-measure</source>
        <translation>此前体温异常：请等待复测时间</translation>
    </message>
    <message>
        <source>Fever recorded earlier: take the temperature, then check again</source>
        <translation>此前体温异常：请先测温再核验</translation>
    </message>
    <message>
        <source>Outside the hours for going out</source>
        <translation>不在允许外出的时间段</translation>
    </message>
    <message>
        <source>The household has used its outings for this period</source>
        <translation>本户本周期外出次数已用完</translation>
    </message>
    <message>
        <source>Temporary pass: mind its validity</source>
        <translation>临时通行证：注意有效期</translation>
    </message>
    <message>
        <source>The pass is not valid today: staff to verify</source>
        <translation>通行证不在有效期内：请工作人员核实</translation>
    </message>
    <message>
        <source>The pass has been revoked (reissued or reported lost)</source>
        <translation>通行证已作废（已补办或挂失）</translation>
    </message>
    <message>
        <source>Forged or damaged pass: the signature does not verify</source>
        <translation>伪造或损坏的通行证：签名验证失败</translation>
    </message>
    <message>
        <source>A pass of another community: staff to verify</source>
        <translation>其他社区的通行证：请工作人员核实</translation>
    </message>
    <message>
        <source>Visitor, registered</source>
        <translation>访客，已登记</translation>
    </message>
    <message>
        <source>Visitor with a host household</source>
        <translation>访客，有被访住户</translation>
    </message>
    <message>
        <source>Visitors need a host household</source>
        <translation>访客须有被访住户</translation>
    </message>
    <message>
        <source>No visitors at present</source>
        <translation>目前谢绝访客</translation>
    </message>
    <message>
        <source>Visitor leaving</source>
        <translation>访客离开</translation>
    </message>
    <message>
        <source>Bldg %1, unit %2, room %3</source>
        <translation>%1栋%2单元%3</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体户</translation>
    </message>
    <message>
        <source>Living here</source>
        <translation>在住</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿码</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄码</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红码</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Paper pass</source>
        <translation>纸质出入证</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>Name search</source>
        <translation>姓名搜索</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Other relation</source>
        <translation>其他关系</translation>
    </message>
    <message>
        <source>In</source>
        <translation>进</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>ID reader</source>
        <translation>身份证阅读器</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Thermometer</source>
        <translation>测温仪</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>● connected</source>
        <translation>● 已连接</translation>
    </message>
    <message>
        <source>○ disconnected</source>
        <translation>○ 未连接</translation>
    </message>
    <message>
        <source>✕ error</source>
        <translation>✕ 故障</translation>
    </message>
    <message>
        <source>○ not configured</source>
        <translation>○ 未配置</translation>
    </message>
    <message>
        <source> (simulated)</source>
        <translation>（模拟）</translation>
    </message>
    <message>
        <source>%1: communication error (%2), retrying</source>
        <translation>%1：通信错误（%2），正在重试</translation>
    </message>
    <message>
        <source>%1: the card could not be read (%2): put it on the reader again</source>
        <translation>%1：读卡失败（%2）：请重新放卡</translation>
    </message>
    <message>
        <source>%1: this kind of card is not supported (%2): type the number</source>
        <translation>%1：不支持此类证件（%2）：请手动输入号码</translation>
    </message>
    <message>
        <source>%1: sensor fault (%2): measure by hand and type the temperature</source>
        <translation>%1：传感器故障（%2）：请手动测温并输入体温</translation>
    </message>
    <message>
        <source>%1: out of paper (%2)</source>
        <translation>%1：缺纸（%2）</translation>
    </message>
    <message>
        <source>card %1 %2</source>
        <translation>身份证 %1 %2</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>扫码 %1</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>no receipt printer is configured</source>
        <translation>未配置小票打印机</translation>
    </message>
    <message>
        <source>the printer is not connected</source>
        <translation>打印机未连接</translation>
    </message>
    <message>
        <source>the printer cannot be reached</source>
        <translation>无法连接打印机</translation>
    </message>
    <message>
        <source>the connection is not one of serial:, network:, usb:, file:</source>
        <translation>连接方式应为 serial:、network:、usb: 或 file:</translation>
    </message>
    <message>
        <source>the printer did not take the slip in time</source>
        <translation>打印机未能及时接收打印内容</translation>
    </message>
</context>
<context>
    <name>UntestedModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Last sample</source>
        <translation>最近采样时间</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>最近结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Elderly, no phone</source>
        <translation>老人无手机</translation>
    </message>
</context>
<context>
    <name>VerdictAnnouncer</name>
    <message>
        <source>Please pass</source>
        <translation>请通行</translation>
    </message>
    <message>
        <source>Please pass, mind the validity</source>
        <translation>请通行，注意有效期</translation>
    </message>
    <message>
        <source>Please wait, staff will verify</source>
        <translation>请稍候，工作人员核实</translation>
    </message>
    <message>
        <source>No entry</source>
        <translation>禁止通行</translation>
    </message>
    <message>
        <source>Abnormal temperature, please re-measure</source>
        <translation>体温异常，请复测</translation>
    </message>
    <message>
        <source>Please measure your temperature again</source>
        <translation>请重新测温</translation>
    </message>
    <message>
        <source>Verdict sounds are off.</source>
        <translation>提示音已关闭。</translation>
    </message>
    <message>
        <source>No sound: the Qt Multimedia library could not load (%1); install the missing system package (libpulse0).</source>
        <translation>无提示音：Qt 多媒体库无法加载（%1）；请安装缺少的系统组件（libpulse0）。</translation>
    </message>
    <message>
        <source>No sound: this PC has no audio output; connect speakers and restart GateDesk.</source>
        <translation>无提示音：本机没有音频输出设备；请连接音箱后重新启动 GateDesk。</translation>
    </message>
    <message>
        <source>No sound: the sound files could not be written (%1).</source>
        <translation>无提示音：无法写入声音文件（%1）。</translation>
    </message>
    <message>
        <source>No sound: the sounds could not be played; check the sound settings.</source>
        <translation>无提示音：无法播放声音；请检查声音设置。</translation>
    </message>
    <message>
        <source>Verdict sounds are on.</source>
        <translation>提示音已开启。</translation>
    </message>
    <message>
        <source>Spoken verdicts are off.</source>
        <translation>语音播报已关闭。</translation>
    </message>
    <message>
        <source>Spoken verdicts are not available on this PC: the Qt speech library could not load (%1).</source>
        <translation>本机无法语音播报：Qt 语音库无法加载（%1）。</translation>
    </message>
    <message>
        <source>Spoken verdicts are not available on this PC: no speech engine (install speech-dispatcher and espeak-ng).</source>
        <translation>本机无法语音播报：没有语音引擎（请安装 speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>Spoken verdicts are not available: the speech engine does not start (%1); install speech-dispatcher and espeak-ng.</source>
        <translation>无法语音播报：语音引擎无法启动（%1）；请安装 speech-dispatcher 和 espeak-ng。</translation>
    </message>
    <message>
        <source>Spoken verdicts are not available: no %1 voice is installed.</source>
        <translation>无法语音播报：未安装%1语音。</translation>
    </message>
    <message>
        <source>Spoken verdicts are on (%1).</source>
        <translation>语音播报已开启（%1）。</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Swipe the ID card or scan</source>
        <translation>请刷卡或扫码</translation>
    </message>
    <message>
        <source>or type the ID number below and press Enter</source>
        <translation>或在下方输入身份证号后按回车</translation>
    </message>
    <message>
        <source>Visitor %1</source>
        <translation>访客 %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Staff decision: %1</source>
        <translation>人工核实：%1</translation>
    </message>
    <message>
        <source>Re-measure at %1</source>
        <translation>请于 %1 复测</translation>
    </message>
    <message>
        <source>Re-measure recorded</source>
        <translation>复测已记录</translation>
    </message>
    <message>
        <source>Outings left for the household: %1 of %2</source>
        <translation>本户剩余外出 %1/%2 次</translation>
    </message>
    <message>
        <source>F6: staff decide</source>
        <translation>F6：人工核实</translation>
    </message>
</context>
<context>
    <name>VisitorDialog</name>
    <message>
        <source>%1   %2 (%3 people)</source>
        <translation>%1   %2（%3 人）</translation>
    </message>
    <message>
        <source>Register a visitor</source>
        <translation>访客登记</translation>
    </message>
    <message>
        <source>Room, e.g. 501 or 3-2-501</source>
        <translation>房号，如 501 或 3-2-501</translation>
    </message>
    <message>
        <source>Visiting family</source>
        <translation>探亲访友</translation>
    </message>
    <message>
        <source>Delivering supplies</source>
        <translation>送生活物资</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Courier or takeaway</source>
        <translation>快递外卖</translation>
    </message>
    <message>
        <source>Medical care</source>
        <translation>就医陪护</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Print a temporary slip</source>
        <translation>打印临时通行条</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Host (room)</source>
        <translation>被访住户（房号）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Register and check (Enter)</source>
        <translation>登记并核验（回车）</translation>
    </message>
    <message>
        <source>Seen before: %1 visits, last on %2</source>
        <translation>曾来访 %1 次，上次 %2</translation>
    </message>
    <message>
        <source>Enter the visitor's name.</source>
        <translation>请填写访客姓名。</translation>
    </message>
</context>
</TS>