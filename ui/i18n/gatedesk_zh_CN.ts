<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>NotYetPage</name>
    <message>
        <source>%1: not yet available in this version.</source>
        <translation>%1：本版本暂未提供。</translation>
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
    <name>RegistryPage</name>
    <message>
        <source>Search: name, pinyin initials, room number, last 4 digits of ID or phone</source>
        <translation>搜索：姓名、拼音首字母、房号、身份证或电话后4位</translation>
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
        <source>Phone</source>
        <translation>电话</translation>
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
        <source>%1 residents, showing the first %2: narrow the search</source>
        <translation>共 %1 人，显示前 %2 人：请缩小搜索范围</translation>
    </message>
    <message>
        <source>%1 residents</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1岁</translation>
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